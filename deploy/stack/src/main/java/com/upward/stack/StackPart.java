package com.upward.stack;

import java.io.IOException;

/**
 * One running part of the stack (PostgreSQL, Kafka or a service) that a fault test can break and bring back.
 * Each part keeps its data, ports and settings across these calls, so a restarted part is the same part.
 */
public interface StackPart {

    String name();

    /** A graceful stop: the part shuts down as it would on Ctrl-C. */
    void stop();

    /** SIGKILL: no shutdown work at all, as in a crash or an out-of-memory kill. */
    void kill();

    /** SIGSTOP: the process keeps its sockets but answers nothing, as in a long GC pause or a frozen host. */
    void pause();

    /** SIGCONT after {@link #pause()}. */
    void resume();

    /** Starts the part again after a stop or a kill, and waits until it is ready. */
    void start() throws IOException;

    default void restart() throws IOException {
        stop();
        start();
    }

    boolean isRunning();
}
