package dev.jwtlib.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import dev.jwtlib.account.User;
import dev.jwtlib.account.UserUpdate;
import dev.jwtlib.account.Users;
import dev.jwtlib.error.Conflict;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.jnosql.databases.mongodb.mapping.MongoDBTemplate;

/**
 * {@link Users} in the collection {@code users}, through JNoSQL's template; the driver only for
 * the unique indexes and for partial updates, which JNoSQL does not offer.
 */
@ApplicationScoped
@Typed(Users.class)
class MongoUsers implements Users {

    private static final String COLLECTION = "users";

    @Inject
    MongoDBTemplate template;
    @Inject
    MongoDatabase database;

    MongoCollection<Document> users;

    @PostConstruct
    void ensureIndexes() {
        users = Stores.critical(database.getCollection(COLLECTION));
        users.createIndex(Indexes.ascending("username"), new IndexOptions().unique(true).name("username_unique"));
        users.createIndex(Indexes.ascending("email_key"), new IndexOptions().unique(true).name("email_unique"));
    }

    @Override
    public Optional<User> byUsername(String canonicalUsername) {
        return template.select(User.class).where("username").eq(canonicalUsername).singleResult();
    }

    @Override
    public Optional<User> byId(String id) {
        return template.find(User.class, id);
    }

    @Override
    public Optional<User> byEmailKey(String emailKey) {
        return template.select(User.class).where("email_key").eq(emailKey).singleResult();
    }

    @Override
    public Optional<String> taken(String canonicalUsername, String emailKey) {
        Document found = users.find(Filters.or(Filters.eq("username", canonicalUsername), Filters.eq("email_key", emailKey)))
                .projection(Projections.include("username")).first();
        if (found == null) {
            return Optional.empty();
        }
        return Optional.of(canonicalUsername.equals(found.getString("username")) ? "username" : "email");
    }

    @Override
    public User insert(User user) {
        try {
            return template.insert(user);
        } catch (RuntimeException e) {
            throw DuplicateKeys.message(e)
                    .<RuntimeException>map(message -> new Conflict(message.contains("email")
                            ? "This email is already registered." : "This username is taken."))
                    .orElse(e);
        }
    }

    @Override
    public Optional<User> update(String id, UserUpdate update, Instant now) {
        List<Bson> changes = new ArrayList<>();
        if (update.passwordHash() != null) {
            changes.add(Updates.set("password_hash", update.passwordHash()));
        }
        if (update.active() != null) {
            changes.add(Updates.set("is_active", update.active()));
        }
        if (update.roles() != null) {
            changes.add(Updates.set("roles", update.roles()));
        }
        if (update.emailVerified() != null) {
            changes.add(Updates.set("email_verified", update.emailVerified()));
        }
        changes.add(Updates.set("updated_at", now.toEpochMilli()));
        if (users.updateOne(Filters.eq("_id", id), Updates.combine(changes)).getMatchedCount() == 0) {
            return Optional.empty();
        }
        return byId(id);
    }

    @Override
    public void endSessions(String id) {
        users.updateOne(Filters.eq("_id", id), Updates.inc("session_epoch", 1L));
    }

    @Override
    public boolean delete(String id) {
        return users.deleteOne(Filters.eq("_id", id)).getDeletedCount() > 0;
    }

    @Override
    public List<User> page(String prefix, long offset, long limit) {
        if (prefix.isEmpty()) {
            return template.select(User.class).orderBy("username").asc().skip(offset).limit(limit).result();
        }
        return template.select(User.class).where("username").gte(prefix).and("username").lt(prefix + Character.MAX_VALUE)
                .orderBy("username").asc().skip(offset).limit(limit).result();
    }

    @Override
    public long count(String prefix) {
        if (prefix.isEmpty()) {
            return template.count(User.class);
        }
        return users.countDocuments(Filters.and(Filters.gte("username", prefix), Filters.lt("username", prefix + Character.MAX_VALUE)));
    }
}
