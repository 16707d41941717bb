# MongoDB stand-in: mongo-java-server with its H2 backend (see mongo/MongoLauncher.java).
# shellcheck shell=bash

MONGO_LIBS="$CACHE_DIR/mongo-libs"
MONGO_DATA="$INSTANCE_DIR/mongo"
MONGO_LOG="$LOG_DIR/mongo.log"

mongo_port() { echo "$MONGO_PORT"; }
mongo_url() { echo "mongodb://127.0.0.1:$MONGO_PORT"; }
mongo_data_dir() { echo "$MONGO_DATA"; }
mongo_logs() { echo "$MONGO_LOG"; }

mongo_install() {
  maven_fetch "$SCRIPT_DIR/mongo/pom.xml" "$MONGO_LIBS"
}

mongo_check_ports() {
  require_free_port "$MONGO_PORT" GEC_MONGO_PORT
}

mongo_start() {
  command -v java >/dev/null 2>&1 || require_java_and_maven
  mkdir -p "$MONGO_DATA"
  # Keep out the INFO line per client connect/disconnect, and the stack trace
  # MongoExceptionHandler prints whenever a client drops its socket (connection reset).
  start_process mongo "$MONGO_LOG" \
    java -Xmx512m -XX:+ExitOnOutOfMemoryError \
    -Dorg.slf4j.simpleLogger.showDateTime=true \
    "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS" \
    -Dorg.slf4j.simpleLogger.log.de.bwaldvogel.mongo.wire=warn \
    -Dorg.slf4j.simpleLogger.log.de.bwaldvogel.mongo.wire.MongoExceptionHandler=off \
    -cp "$MONGO_LIBS/*" "$SCRIPT_DIR/mongo/MongoLauncher.java" \
    "127.0.0.1:$MONGO_PORT" "$MONGO_DATA/gec.mv"
}
