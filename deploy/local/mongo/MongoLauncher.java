// Local MongoDB stand-in: mongo-java-server with its H2 (MVStore) backend.
//
// Run with Java's single-file source launcher (no build step):
//   java -cp '<mongo-libs>/*' MongoLauncher.java <host:port> <h2 file>
//
// Only for local development and tests; production uses a real MongoDB replica set.

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

public class MongoLauncher {

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: MongoLauncher <host:port> <h2 file>");
            System.exit(2);
        }
        int colon = args[0].lastIndexOf(':');
        if (colon < 1) {
            System.err.println("expected <host:port>, got: " + args[0]);
            System.exit(2);
        }
        String host = args[0].substring(0, colon);
        int port = Integer.parseInt(args[0].substring(colon + 1));
        String file = args[1];

        DurableH2Backend backend = new DurableH2Backend(file);
        // Reports wire version 8 (~MongoDB 4.2); the Node driver 6 (mongoose 8) accepts it.
        backend.version(ServerVersion.MONGO_5_0);
        MongoServer server = new MongoServer(backend);

        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean closing = new AtomicBoolean(false);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!closing.compareAndSet(false, true)) {
                return;
            }
            System.err.println("MongoLauncher: shutting down");
            try {
                server.shutdown(); // also closes the backend, which writes and closes the MVStore file
            } catch (RuntimeException e) {
                e.printStackTrace();
                backend.close();
            } finally {
                stopped.countDown();
                System.err.println("MongoLauncher: stopped");
            }
        }, "mongo-shutdown"));

        server.bind(host, port);
        System.err.println("MongoLauncher: listening on " + host + ":" + port + ", data " + file);
        stopped.await();
    }

    /**
     * H2Backend commits its MVStore only in the background (about once a second), so
     * a crash would lose writes the client was already told had succeeded, and can
     * leave a unique index out of step with its collection. Committing after every
     * request makes each acknowledged write reach the file before the reply is sent.
     */
    static final class DurableH2Backend extends H2Backend {

        DurableH2Backend(String fileName) {
            super(fileName);
        }

        // Every command from a current driver (OP_MSG) comes through here; the legacy
        // OP_QUERY path is only used for the first handshake, which writes nothing.
        @Override
        public Document handleMessage(MongoMessage message) {
            try {
                return super.handleMessage(message);
            } finally {
                // Also on errors: an ordered insertMany may fail half-way after writing some documents.
                commit();
            }
        }
    }
}
