package dev.jwtlib.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * What a reader of the store gets: the signing keys are there encrypted only (and decrypt with
 * the test servers' key-encryption key, which is not in the store), and the embedded store's
 * file is readable by its owner only.
 */
class KeysAtRestIT extends DeployedService {

    @Test
    void signingKeysInTheStoreThenEncryptedWithAKeyThatIsNotThere() {
        api.accessToken(api.newUser("atrest")); // the service has a key by now
        int keys = 0;
        try (MongoClient client = MongoClients.create(System.getProperty("jwtlib.it.store.url"))) {
            for (Document key : client.getDatabase("jwtlib").getCollection("signing_keys").find()) {
                String stored = key.getString("private_jwk");
                assertTrue(stored.startsWith("enc:v1:"), stored);
                assertFalse(stored.contains("\"d\""), stored);
                assertTrue(StoreSigningKey.decrypt(key).contains("\"d\""), "it is the private key, encrypted");
                keys++;
            }
            for (String collection : client.getDatabase("jwtlib").listCollectionNames()) {
                for (Document any : client.getDatabase("jwtlib").getCollection(collection).find()) {
                    assertFalse(any.toJson().contains(System.getProperty("jwtlib.it.keys.encryption-key")),
                            "the key-encryption key is not in the store: " + collection);
                }
            }
        }
        assertTrue(keys > 0);
    }

    @Test
    void embeddedStoreFileThenReadableByItsOwnerOnly() throws Exception {
        Path file = "liberty".equals(System.getProperty("jwtlib.it.server"))
                ? Path.of(System.getProperty("jwtlib.it.wlp"), "usr/servers/jwtlib-it/jwtlib-store.mv")
                : Path.of(System.getProperty("jwtlib.it.wildfly")).resolveSibling("wildfly-it-base/data/jwtlib-store.mv");
        assertTrue(Files.exists(file), file.toString());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }
}
