package org.frametag.spark;

import org.apache.spark.sql.SparkSession;

/**
 * One local Spark session for every test of this JVM: starting Spark costs seconds, so the tests
 * share it and run few jobs. It stays on the loopback interface, without a web UI.
 */
final class SharedSpark {

    private static final class Holder {
        static final SparkSession SESSION = SparkSession.builder()
                .appName("frametag-tests")
                .master("local[2]")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.ui.enabled", false)
                .config("spark.sql.shuffle.partitions", 2)
                .getOrCreate();

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(SESSION::stop));
        }
    }

    static SparkSession session() {
        return Holder.SESSION;
    }

    private SharedSpark() {
    }
}
