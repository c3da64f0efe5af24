package kiln.stages.studio.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.WaitContainerCondition;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import kiln.stages.studio.BuildLimits;
import kiln.stages.studio.StudioException;
import kiln.stages.studio.StudioRun;
import kiln.stages.studio.StudioRun.Ending;
import kiln.world.IoFailures;

/**
 * One created container, run to its end: started, its output streamed to the log as it comes,
 * killed at a limit, and its exit code read. Removing it is the caller's job (in a finally).
 */
final class ContainerRun {

  /** How long a killed or exited container may take to report its end. */
  private static final long SETTLE_SECONDS = 30;

  private final Engine engine;
  private final String id;
  private final boolean autoRemoved;

  /**
   * @param autoRemoved whether the engine removes the container when it exits; one that is kept (to
   *     read its output through the API) reports its exit when it stops instead
   */
  ContainerRun(Engine engine, String id, boolean autoRemoved) {
    this.engine = engine;
    this.id = id;
    this.autoRemoved = autoRemoved;
  }

  /**
   * Runs the container, which the engine removes itself when it exits (auto-remove, as {@code
   * docker run --rm}): the exit code comes from a wait for its removal, registered before the
   * start, and the output from an attach, also made before the start, so nothing is missed.
   */
  StudioRun run(OutputStream log, BuildLimits limits) throws StudioException, InterruptedException {
    LimitWatch watch = new LimitWatch(limits, System::nanoTime);
    Follower follower = new Follower(log, watch);
    ExitWait exit = new ExitWait();
    engine
        .client()
        .waitContainerCmd(id)
        .withCondition(
            autoRemoved ? WaitContainerCondition.REMOVED : WaitContainerCondition.NEXT_EXIT)
        .exec(exit);
    engine
        .client()
        .attachContainerCmd(id)
        .withFollowStream(true)
        .withStdOut(true)
        .withStdErr(true)
        // Attached before the start, the stream has everything; replaying the log as well
        // would send early output twice.
        .withLogs(false)
        .exec(follower);
    if (!exit.started.await(SETTLE_SECONDS, TimeUnit.SECONDS)
        || !follower.started.await(SETTLE_SECONDS, TimeUnit.SECONDS)) {
      throw new StudioException("the Docker engine did not answer within " + SETTLE_SECONDS + " s");
    }
    start(log);
    watch = new LimitWatch(limits, System::nanoTime);
    follower.watch = watch;
    Ending ending = Ending.EXITED;
    while (!follower.ended(watch.nanosToNextLimit(), TimeUnit.NANOSECONDS)) {
      Optional<Ending> passed = watch.passed();
      if (passed.isPresent()) {
        ending = passed.get();
        engine.kill(id);
        follower.ended(SETTLE_SECONDS, TimeUnit.SECONDS);
        break;
      }
    }
    Duration elapsed = Duration.ofNanos(watch.elapsedNanos());
    follower.finish();
    return new StudioRun(exit.code(), ending, elapsed);
  }

  private void start(OutputStream log) throws StudioException {
    try {
      engine.client().startContainerCmd(id).exec();
    } catch (DockerException e) {
      // The engine refuses to start a command that is not there (or not executable).
      String why = IoFailures.describe(e);
      note(log, "kiln: the studio could not start: " + why);
      throw new StudioException("the studio could not start its command: " + why, e);
    }
  }

  /** The container's exit code, reported once the engine has removed it. */
  private final class ExitWait extends WaitContainerResultCallback {
    final CountDownLatch started = new CountDownLatch(1);

    @Override
    public void onStart(java.io.Closeable stream) {
      super.onStart(stream);
      started.countDown();
    }

    int code() throws StudioException {
      try {
        Integer code = awaitStatusCode(SETTLE_SECONDS, TimeUnit.SECONDS);
        return code == null ? -1 : code;
      } catch (RuntimeException e) {
        throw new StudioException(
            IoFailures.message("the studio container " + id + " did not report its exit", e), e);
      }
    }
  }

  private static void note(OutputStream log, String line) throws StudioException {
    try {
      log.write(("\n" + line + "\n").getBytes(StandardCharsets.UTF_8));
      log.flush();
    } catch (IOException e) {
      throw new StudioException(IoFailures.message("cannot write the build log", e), e);
    }
  }

  /**
   * Copies the container's output into the log and tells the watch that something came. It keeps
   * its own latch: docker-java's timed awaitCompletion closes the stream when it times out.
   */
  private static final class Follower extends ResultCallback.Adapter<Frame> {
    private final OutputStream log;
    volatile LimitWatch watch;
    final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile IOException writeFailure;
    private volatile Throwable streamFailure;

    Follower(OutputStream log, LimitWatch watch) {
      this.log = log;
      this.watch = watch;
    }

    @Override
    public void onNext(Frame frame) {
      watch.output();
      try {
        log.write(frame.getPayload());
        log.flush();
      } catch (IOException e) {
        writeFailure = e;
      }
    }

    @Override
    public void onStart(java.io.Closeable stream) {
      super.onStart(stream);
      started.countDown();
    }

    @Override
    public void onComplete() {
      done.countDown();
      super.onComplete();
    }

    @Override
    public void onError(Throwable failure) {
      streamFailure = failure;
      done.countDown();
      super.onError(failure);
    }

    /** Waits for the output to end (the container stopped); false when the time ran out. */
    boolean ended(long time, TimeUnit unit) throws InterruptedException {
      return done.await(time, unit);
    }

    /** Closes the stream, and fails if the log could not be written or the stream broke. */
    void finish() throws StudioException {
      try {
        close();
      } catch (IOException e) {
        // Closing a finished stream: nothing left to lose.
      }
      if (streamFailure != null) {
        throw new StudioException(
            IoFailures.message("lost the studio's output stream", streamFailure), streamFailure);
      }
      if (writeFailure != null) {
        throw new StudioException(
            IoFailures.message("cannot write the build log", writeFailure),
            new UncheckedIOException(writeFailure));
      }
    }
  }
}
