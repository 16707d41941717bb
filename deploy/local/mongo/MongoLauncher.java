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
import org.h2.mvstore.MVStore;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantReadWriteLock;
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
     * H2Backend leaves commits to the MVStore, which makes them in the background (about once a second) and whenever
     * unsaved changes outgrow a buffer, in the middle of whatever write is running then. A crash would lose writes the
     * client was told had succeeded, and a commit taken between a document's write and its index's (one request half
     * done) leaves, after a crash, a document its unique index does not know or an index entry with no document.
     *
     * So the store commits only here: requests run side by side under a shared lock; a request that leaves unsaved
     * changes then takes the lock alone, when no request is half done, and commits before its reply is sent, which
     * also makes the changes of any request that finished meanwhile durable (one commit for many).
     */
    static final class DurableH2Backend extends H2Backend {

        private final ReentrantReadWriteLock requests = new ReentrantReadWriteLock(true);

        DurableH2Backend(String fileName) {
            super(new MVStore.Builder().fileName(fileName).autoCommitDisabled().open());
        }

        // Every command from a current driver (OP_MSG) comes through here; the legacy
        // OP_QUERY path is only used for the first handshake, which writes nothing.
        @Override
        public Document handleMessage(MongoMessage message) {
            requests.readLock().lock();
            try {
                return super.handleMessage(message);
            } finally {
                // Also on errors: an ordered insertMany may fail half-way after writing some documents.
                requests.readLock().unlock();
                commitWhenQuiet();
            }
        }

        private void commitWhenQuiet() {
            if (getMvStore().hasUnsavedChanges()) {
                requests.writeLock().lock();
                try {
                    if (getMvStore().hasUnsavedChanges()) {
                        commit();
                    }
                } finally {
                    requests.writeLock().unlock();
                }
            } else {
                // Nothing unsaved: either nothing was written, or a commit is under way that holds this request's
                // changes. Waiting for the shared lock waits for that commit to finish.
                requests.readLock().lock();
                requests.readLock().unlock();
            }
        }
    }
}
