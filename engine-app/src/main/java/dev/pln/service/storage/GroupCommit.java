package dev.pln.service.storage;

/**
 * Makes completed writes durable with as few commits as concurrent writers allow: one commit covers every write
 * completed before it started, and a writer waits only for the first commit that started after its write.
 */
final class GroupCommit {

    private final Runnable commit;
    private final Object lock = new Object();

    /** Writes reported complete so far; a write's number is its position in this count. */
    private long completed;

    /** Every write numbered up to this one is covered by a finished commit. */
    private long durable;

    private boolean committing;

    /** {@code commit} makes every change made before it started durable, or throws. */
    GroupCommit(Runnable commit) {
        this.commit = commit;
    }

    /**
     * Returns once a commit that started after the caller's write completed has finished; rethrows that commit's
     * failure (the write is then not known to be durable). Call after the write has completed.
     */
    void awaitDurable() {
        long write;
        synchronized (lock) {
            write = ++completed;
        }
        while (true) {
            long covered;
            synchronized (lock) {
                while (committing && durable < write) {
                    waitForCommit();
                }
                if (durable >= write) {
                    return;
                }
                committing = true;
                covered = completed;
            }
            boolean succeeded = false;
            try {
                commit.run();
                succeeded = true;
            }
            finally {
                synchronized (lock) {
                    committing = false;
                    if (succeeded) {
                        durable = covered;
                    }
                    lock.notifyAll();
                }
            }
        }
    }

    private void waitForCommit() {
        try {
            lock.wait();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted before the write was committed", ex);
        }
    }
}
