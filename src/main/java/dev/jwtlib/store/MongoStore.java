package dev.jwtlib.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.ReadPreference;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.bson.Document;
import org.eclipse.jnosql.databases.mongodb.communication.MongoDBDocumentConfiguration;
import org.eclipse.jnosql.databases.mongodb.communication.MongoDBDocumentManager;
import org.eclipse.jnosql.mapping.metadata.ClassScanner;

/**
 * The one connection to the store, through the real MongoDB Java driver: to the MongoDB named
 * by {@code jwtlib.mongodb.url}, or, when none is set, to an embedded MongoDB-wire-compatible
 * server (mongo-java-server with its H2 file backend) that this bean starts on a loopback port.
 * Produces the JNoSQL document manager that the repositories' templates use.
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
public class MongoStore {

    private static final Logger LOG = Logger.getLogger(MongoStore.class.getName());

    @Inject
    StoreSettings settings;

    private MongoServer embedded;
    private MongoClient client;
    private MongoDatabase database;
    private MongoDBDocumentManager manager;
    private String description;
    private boolean retryWrites;

    @PostConstruct
    void open() {
        String url = settings.url().orElseGet(this::startEmbedded);
        if (embedded == null) {
            description = "MongoDB " + redact(url);
        }
        MongoClientSettings clientSettings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(url))
                .applyToClusterSettings(b -> b.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .applyToSocketSettings(b -> b.connectTimeout(5, TimeUnit.SECONDS).readTimeout(10, TimeUnit.SECONDS))
                .applicationName("jwtlib")
                // what every store write and read uses, including JNoSQL's (see Stores)
                .writeConcern(WriteConcern.MAJORITY)
                .readPreference(ReadPreference.primary())
                .retryWrites(true)
                .build();
        retryWrites = clientSettings.getRetryWrites();
        client = MongoClients.create(clientSettings);
        database = client.getDatabase(settings.database());
        manager = new MongoDBDocumentConfiguration().get(client).apply(settings.database());
        LOG.info(() -> "jwtlib: store is " + description + ", database '" + settings.database() + "'");
        if (!(ClassScanner.load() instanceof EntityClasses)) {
            // nothing breaks, but start-up scanned every class the application can see
            LOG.warning(() -> "jwtlib: JNoSQL found its entities by scanning the whole class path (slower start-up,"
                    + " ~200 MiB more heap while it runs): this server listed another jar's"
                    + " META-INF/services/" + ClassScanner.class.getName() + " before the WAR's own");
        }
    }

    private String startEmbedded() {
        Path file = settings.embeddedPath().toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the directory of the embedded store " + file
                    + "; set jwtlib.store.path to a writable file, or jwtlib.mongodb.url to a MongoDB", e);
        }
        ownerOnly(file);
        embedded = new MongoServer(new SerializedH2Backend(file.toString()));
        embedded.bind("127.0.0.1", settings.embeddedPort());
        InetSocketAddress address = embedded.getLocalAddress();
        description = "embedded (mongo-java-server, file " + file + " readable by this user only, listening without"
                + " authentication on 127.0.0.1:" + address.getPort() + ": every local process can connect and change"
                + " users, though not read the signing keys, which are encrypted; for production set jwtlib.mongodb.url"
                + " to a MongoDB with authentication)";
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    /** Creates the store file readable and writable by this user only (0600), or makes it so. */
    private static void ownerOnly(Path file) {
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
        try {
            if (Files.exists(file)) {
                Files.setPosixFilePermissions(file, ownerOnly);
            } else {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
            }
        } catch (UnsupportedOperationException e) {
            LOG.warning(() -> "jwtlib: " + file + " is on a file system without POSIX permissions; protect its directory");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make the embedded store file " + file + " private", e);
        }
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
        if (embedded != null) {
            embedded.shutdown();
        }
    }

    /** The database, for repositories that need a driver primitive JNoSQL lacks (atomic updates, indexes). */
    @Produces
    MongoDatabase database() {
        return database;
    }

    @Produces
    @Typed(MongoDBDocumentManager.class)
    MongoDBDocumentManager documentManager() {
        return manager;
    }

    /** Whether the driver retries a write once after a failover (for tests). */
    boolean retryWrites() {
        return retryWrites;
    }

    /** Whether the store answers a ping now. */
    public boolean isReachable() {
        try {
            database.runCommand(new Document("ping", 1));
            return true;
        } catch (MongoException e) {
            return false;
        }
    }

    private static String redact(String url) {
        return url.replaceAll("//[^@/]*@", "//***@");
    }
}
