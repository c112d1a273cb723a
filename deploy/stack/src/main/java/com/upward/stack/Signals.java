package com.upward.stack;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Sends POSIX signals that {@link ProcessHandle} has no method for (SIGSTOP, SIGCONT) with the system's kill. */
final class Signals {

    private Signals() {
    }

    static void send(String signal, long pid) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not run kill -" + signal + " " + pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while signalling " + pid, e);
        }
    }

    /** Signals a process and every process it started (PostgreSQL's backends are children of the postmaster). */
    static void sendToTree(String signal, ProcessHandle root) {
        send(signal, root.pid());
        root.descendants().filter(ProcessHandle::isAlive).forEach(child -> {
            try {
                send(signal, child.pid());
            } catch (IllegalStateException exitedMeanwhile) {
                // A backend that ended between the listing and the signal needs no signal.
            }
        });
    }

    static void continueIfStopped(ProcessHandle process) {
        if (process.isAlive()) {
            try {
                send("CONT", process.pid());
            } catch (IllegalStateException exitedMeanwhile) {
                // Nothing to continue.
            }
        }
    }

    static void awaitExit(ProcessHandle process, long seconds) {
        try {
            process.onExit().get(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception timedOut) {
            throw new IllegalStateException("Process " + process.pid() + " did not exit within " + seconds + " s");
        }
    }
}
