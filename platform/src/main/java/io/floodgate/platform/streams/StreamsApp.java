package io.floodgate.platform.streams;

import io.floodgate.contracts.Topic;
import org.apache.kafka.streams.Topology;

import java.util.Collection;

/** A service's Kafka Streams application: {@link StreamsRunner} provisions, runs and watches it. */
public interface StreamsApp {
    /** The Streams application id: consumer group and prefix of internal topics. */
    String applicationId();

    /** The catalogue topics it reads or writes, provisioned before it starts. */
    Collection<Topic<?>> topics();

    Topology topology();
}
