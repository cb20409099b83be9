package dev.pln.service.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class GroupCommitTests {

    @Test
    void commitsOnceForAWriterAlone() {
        AtomicInteger commits = new AtomicInteger();
        GroupCommit group = new GroupCommit(commits::incrementAndGet);

        group.awaitDurable();
        group.awaitDurable();

        assertThat(commits).hasValue(2);
    }

    @Test
    void writersThatCompleteDuringACommitShareTheNextOneAndWaitForIt() throws InterruptedException {
        BlockingCommits commits = new BlockingCommits();
        GroupCommit group = new GroupCommit(commits);
        Thread first = start(group::awaitDurable);
        await().atMost(Duration.ofSeconds(10)).until(() -> commits.started() == 1);

        // These writes complete while the first commit runs, so that commit does not cover them.
        List<Thread> later = IntStream.range(0, 3).mapToObj(i -> start(group::awaitDurable)).toList();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> later.stream().allMatch(thread -> thread.getState() == Thread.State.WAITING));
        commits.finish(1);
        first.join(10_000);
        await().atMost(Duration.ofSeconds(10)).until(() -> commits.started() == 2);

        assertThat(first.isAlive()).isFalse();
        assertThat(later).allMatch(Thread::isAlive);

        commits.finish(2);
        for (Thread thread : later) {
            thread.join(10_000);
        }
        assertThat(later).noneMatch(Thread::isAlive);
        assertThat(commits.started()).isEqualTo(2);
    }

    @Test
    void reportsAFailedCommitToTheWriterAndRetriesForTheNext() {
        AtomicInteger attempts = new AtomicInteger();
        GroupCommit group = new GroupCommit(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("disk full");
            }
        });

        assertThatIllegalStateException().isThrownBy(group::awaitDurable).withMessage("disk full");
        group.awaitDurable();

        assertThat(attempts).hasValue(2);
    }

    private static Thread start(Runnable writer) {
        Thread thread = new Thread(writer);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** A commit that runs until the test lets it finish. */
    static final class BlockingCommits implements Runnable {

        private final AtomicInteger started = new AtomicInteger();
        private final List<CountDownLatch> finish = List.of(new CountDownLatch(1), new CountDownLatch(1));

        @Override
        public void run() {
            int commit = started.incrementAndGet();
            try {
                finish.get(commit - 1).await(10, TimeUnit.SECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }

        int started() {
            return started.get();
        }

        void finish(int commit) {
            finish.get(commit - 1).countDown();
        }
    }
}
