package dev.jwtlib.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import dev.jwtlib.mfa.SecondFactors;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * {@link SecondFactors} in the user's document of {@code users}: {@code mfa_enabled} (which the
 * {@link dev.jwtlib.account.User} reads), {@code totp} ({@code secret}, {@code last_step},
 * {@code recovery}: the digests of unused recovery codes) once confirmed, and
 * {@code totp_pending} (a sealed secret) while an enrolment waits for its confirmation. Each
 * change is one conditional {@code updateOne} on that document, so it is atomic on MongoDB.
 */
@ApplicationScoped
@Typed(SecondFactors.class)
class MongoSecondFactors implements SecondFactors {

    private static final String ENABLED = "mfa_enabled";
    private static final String PENDING = "totp_pending";

    @Inject
    MongoDatabase database;

    MongoCollection<Document> users;

    @PostConstruct
    void open() {
        users = Stores.critical(database.getCollection("users"));
    }

    private static Bson active(String userId) {
        return Filters.and(Filters.eq("_id", userId), Filters.eq(ENABLED, true));
    }

    @Override
    public Optional<Factor> find(String userId) {
        Document user = users.find(Filters.eq("_id", userId)).projection(Projections.include(ENABLED, "totp", PENDING)).first();
        if (user == null) {
            return Optional.empty();
        }
        if (Boolean.TRUE.equals(user.getBoolean(ENABLED)) && user.get("totp") instanceof Document totp) {
            List<String> recovery = totp.getList("recovery", String.class, List.of());
            Number lastStep = totp.get("last_step", Number.class);
            return Optional.of(new Factor(totp.getString("secret"), true, lastStep == null ? Long.MIN_VALUE : lastStep.longValue(),
                    recovery));
        }
        return Optional.ofNullable(user.getString(PENDING)).map(secret -> new Factor(secret, false, Long.MIN_VALUE, List.of()));
    }

    @Override
    public boolean begin(String userId, String sealedSecret) {
        return users.updateOne(Filters.and(Filters.eq("_id", userId), Filters.ne(ENABLED, true)),
                Updates.set(PENDING, sealedSecret)).getMatchedCount() > 0;
    }

    @Override
    public boolean activate(String userId, String sealedSecret, long step, List<String> recoveryDigests) {
        return users.updateOne(Filters.and(Filters.eq("_id", userId), Filters.ne(ENABLED, true), Filters.eq(PENDING, sealedSecret)),
                Updates.combine(Updates.set(ENABLED, true),
                        Updates.set("totp", new Document("secret", sealedSecret).append("last_step", step)
                                .append("recovery", recoveryDigests)),
                        Updates.unset(PENDING))).getModifiedCount() > 0;
    }

    @Override
    public boolean useStep(String userId, long step) {
        return users.updateOne(Filters.and(active(userId), Filters.lt("totp.last_step", step)),
                Updates.set("totp.last_step", step)).getModifiedCount() > 0;
    }

    @Override
    public boolean useRecoveryCode(String userId, String digest) {
        return users.updateOne(Filters.and(active(userId), Filters.eq("totp.recovery", digest)),
                Updates.pull("totp.recovery", digest)).getModifiedCount() > 0;
    }

    @Override
    public boolean replaceRecoveryCodes(String userId, List<String> digests) {
        return users.updateOne(active(userId), Updates.set("totp.recovery", digests)).getMatchedCount() > 0;
    }

    @Override
    public boolean remove(String userId) {
        Document before = users.findOneAndUpdate(Filters.eq("_id", userId),
                Updates.combine(Updates.set(ENABLED, false), Updates.unset("totp"), Updates.unset(PENDING)),
                new FindOneAndUpdateOptions().projection(Projections.include(ENABLED)).returnDocument(ReturnDocument.BEFORE));
        return before != null && Boolean.TRUE.equals(before.getBoolean(ENABLED));
    }
}
