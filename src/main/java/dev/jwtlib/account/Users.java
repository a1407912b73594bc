package dev.jwtlib.account;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import dev.jwtlib.error.Conflict;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
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

    public User update(User user) {
        return template.update(user);
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
