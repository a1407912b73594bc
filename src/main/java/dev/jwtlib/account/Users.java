package dev.jwtlib.account;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import dev.jwtlib.error.Conflict;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.conversions.Bson;
import org.eclipse.jnosql.databases.mongodb.mapping.MongoDBTemplate;

/**
 * The user repository over JNoSQL. Uniqueness of username and email is the store's job
 * (unique indexes), so that two concurrent registrations cannot both win.
 */
@ApplicationScoped
public class Users {

    @Inject
    MongoDBTemplate template;
    @Inject
    MongoDatabase database;

    @PostConstruct
    void ensureIndexes() {
        var users = database.getCollection("users");
        users.createIndex(Indexes.ascending("username"), new IndexOptions().unique(true).name("username_unique"));
        users.createIndex(Indexes.ascending("email_key"), new IndexOptions().unique(true).name("email_unique"));
    }

    public Optional<User> byUsername(String canonicalUsername) {
        return template.select(User.class).where("username").eq(canonicalUsername).singleResult();
    }

    public Optional<User> byId(String id) {
        return template.find(User.class, id);
    }

    /**
     * @throws Conflict when the username or the email is taken
     */
    public User insert(User user) {
        try {
            return template.insert(user);
        } catch (RuntimeException e) {
            throw duplicateOrRethrow(e);
        }
    }

    /**
     * Sets only the given fields of one user, so that concurrent changes of other fields (an
     * admin deactivating a user while the user changes their password) are not lost.
     *
     * @return the user as stored after the change, or empty when the user is gone
     */
    public Optional<User> set(String id, Map<String, Object> fields, long now) {
        List<Bson> updates = new java.util.ArrayList<>();
        fields.forEach((field, value) -> updates.add(Updates.set(field, value)));
        updates.add(Updates.set("updated_at", now));
        if (database.getCollection("users").updateOne(Filters.eq("_id", id), Updates.combine(updates))
                .getMatchedCount() == 0) {
            return Optional.empty();
        }
        return byId(id);
    }

    public void delete(User user) {
        template.delete(User.class, user.id());
    }

    /** One page of users ordered by username. */
    public List<User> page(long offset, long limit) {
        return template.select(User.class).orderBy("username").asc().skip(offset).limit(limit).result();
    }

    public long count() {
        return template.count(User.class);
    }

    private static RuntimeException duplicateOrRethrow(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MongoWriteException write && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                String message = String.valueOf(write.getError().getMessage());
                return new Conflict(message.contains("email") ? "This email is already registered."
                        : "This username is taken.");
            }
        }
        return e;
    }
}
