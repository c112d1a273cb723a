package com.upward.stack;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A part of the stack that is one child process of the launcher, run from one command line (the Kafka broker, a
 * service): stopped, killed, paused and started again with the same command line, ports and environment.
 */
abstract class ChildProcess implements StackPart, AutoCloseable {

    private final ProcessBuilder command;
    private final Duration stopGrace;
    private Process process;

    /** stopGrace: how long a stop waits after SIGTERM before it sends SIGKILL. */
    ChildProcess(ProcessBuilder command, Duration stopGrace) {
        this.command = command;
        this.stopGrace = stopGrace;
    }

    /** Waits until the process just started serves, or fails saying why. */
    abstract void awaitStarted(Process started) throws IOException;

    /** Starts the process without waiting for it (the stack launches its services at once, then waits for each). */
    final synchronized Process spawn() throws IOException {
        process = command.start();
        return process;
    }

    /** The current process, running or not; null before the first start. */
    final synchronized Process process() {
        return process;
    }

    /** Starts it again (after a stop or a kill) and waits until it serves. */
    @Override
    public final synchronized void start() throws IOException {
        if (isRunning()) {
            return;
        }
        awaitStarted(spawn());
    }

    /** SIGTERM, a graceful shutdown; SIGKILL if it hangs. */
    @Override
    public final synchronized void stop() {
        if (!isRunning()) {
            return;
        }
        // A paused process would hold the SIGTERM until resumed.
        Signals.continueIfStopped(process.toHandle());
        process.destroy();
        try {
            if (!process.waitFor(stopGrace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public final synchronized void kill() {
        if (isRunning()) {
            process.destroyForcibly();
            Signals.awaitExit(process.toHandle(), 15);
        }
    }

    @Override
    public final synchronized void pause() {
        Signals.send("STOP", running().pid());
    }

    @Override
    public final synchronized void resume() {
        Signals.send("CONT", running().pid());
    }

    @Override
    public final synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    private Process running() {
        if (!isRunning()) {
            throw new IllegalStateException(name() + " is not running");
        }
        return process;
    }

    @Override
    public final void close() {
        stop();
    }
}
