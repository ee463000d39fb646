package io.osbaseline.gcp;

/**
 * What the provider keeps of a listed instance to collect it later: where it is, its numeric id (the OS Config
 * inventory names instances by it) and its status at listing time.
 */
record ListedInstance(String project, String zone, String name, String instanceId, String status) {
    static final String RUNNING = "RUNNING";

    boolean running() {
        return RUNNING.equals(status);
    }
}
