package kiln.resume;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import kiln.world.IoFailures;

/**
 * The ledger of one run: every transition of every entry of every stage, appended and forced to
 * disk before kiln acts on it. Replaying it gives the {@link RunState}; a kill at any instant loses
 * at most the record being written, which is dropped on the next open.
 *
 * <p>Layout: {@code <work>/ledger/<run-id>.jsonl}, and {@code <work>/ledger/current} naming the run
 * that {@code kiln bootstrap} resumes. See docs/ledger.md.
 */
public final class RunJournal implements AutoCloseable {

  private static final DateTimeFormatter RUN_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final Path file;
  private final FileChannel channel;
  private final Clock clock;
  private final StateBuilder state;
  private final Recovery recovery;
  private long seq;

  private RunJournal(
      Path file,
      FileChannel channel,
      Clock clock,
      StateBuilder state,
      Recovery recovery,
      long seq) {
    this.file = file;
    this.channel = channel;
    this.clock = clock;
    this.state = state;
    this.recovery = recovery;
    this.seq = seq;
  }

  /**
   * Opens the work directory's current run to go on with it, or starts a run if there is none. A
   * torn last record is cut off; a ledger damaged in the middle is kept aside as {@code
   * <run>.jsonl.damaged-<millis>} and rewritten with the records that survived ({@link #recovery()}
   * says what was lost, and the caller must tell the user).
   */
  public static RunJournal resume(WorkDirLock lock, Clock clock) throws JournalException {
    Optional<String> current = currentRunId(lock.workDir());
    if (current.isEmpty()) {
      return startNew(lock, clock);
    }
    Path file = ledgerDir(lock.workDir()).resolve(current.get() + ".jsonl");
    try {
      JournalReader.Contents contents = JournalReader.read(file);
      if (contents.recovery().damaged()) {
        Files.copy(file, file.resolveSibling(file.getFileName() + ".damaged-" + clock.millis()));
        Durable.writeAtomically(file, contents.goodBytes());
      }
      StateBuilder state = new StateBuilder();
      contents.records().forEach(state::apply);
      FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
      if (!contents.recovery().damaged() && channel.size() > contents.goodLength()) {
        channel.truncate(contents.goodLength());
      }
      channel.position(channel.size());
      long seq = contents.lastSeq();
      RunJournal journal = new RunJournal(file, channel, clock, state, contents.recovery(), seq);
      journal.append(JournalCodec.session(++journal.seq, clock.instant(), pid()));
      journal.state.apply(new JournalCodec.SessionRecord(pid()));
      return journal;
    } catch (IOException e) {
      throw new JournalException(IoFailures.message("cannot open the ledger " + file, e), e);
    }
  }

  /**
   * Goes back to an earlier run of the work directory, by its id, and makes it the current one.
   *
   * @throws JournalException when there is no such run, listing the runs there are
   */
  public static RunJournal resume(WorkDirLock lock, Clock clock, String runId)
      throws JournalException {
    Path dir = ledgerDir(lock.workDir());
    if (!runId.matches("[0-9A-Za-z-]+") || !Files.isRegularFile(dir.resolve(runId + ".jsonl"))) {
      throw new JournalException(
          "no run '"
              + runId
              + "' in "
              + dir
              + " (runs there: "
              + String.join(", ", runs(lock.workDir()))
              + ")");
    }
    try {
      Durable.writeAtomically(dir.resolve("current"), runId + "\n");
    } catch (IOException e) {
      throw new JournalException(
          IoFailures.message("cannot switch " + dir + " to run " + runId, e), e);
    }
    return resume(lock, clock);
  }

  /** The ids of the runs recorded in a work directory, oldest first. */
  public static List<String> runs(Path workDir) {
    try (var files = Files.list(ledgerDir(workDir))) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".jsonl"))
          .map(n -> n.substring(0, n.length() - ".jsonl".length()))
          .sorted()
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** Starts a new run in the work directory; earlier runs' ledgers stay beside it. */
  public static RunJournal startNew(WorkDirLock lock, Clock clock) throws JournalException {
    String runId =
        RUN_TIME.format(clock.instant())
            + "-"
            + String.format("%04x", ThreadLocalRandom.current().nextInt(1 << 16));
    Path dir = ledgerDir(lock.workDir());
    Path file = dir.resolve(runId + ".jsonl");
    try {
      Files.createDirectories(dir);
      FileChannel channel =
          FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      RunJournal journal =
          new RunJournal(
              file, channel, clock, new StateBuilder(), new Recovery(0, 0, List.of()), 0);
      journal.append(JournalCodec.run(++journal.seq, clock.instant(), runId, pid()));
      journal.state.apply(new JournalCodec.RunRecord(runId, pid()));
      Durable.syncDir(dir);
      Durable.writeAtomically(dir.resolve("current"), runId + "\n");
      return journal;
    } catch (IOException e) {
      throw new JournalException(IoFailures.message("cannot start a ledger in " + dir, e), e);
    }
  }

  /**
   * Reads the current run without locking or changing anything, for {@code kiln status}. A record
   * being written by a running kiln shows as a torn tail and is left alone.
   */
  public static Optional<RunState> read(Path workDir) throws JournalException {
    Optional<String> current = currentRunId(workDir);
    if (current.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(read(workDir, current.get()));
  }

  /**
   * Reads one run of a work directory without locking or changing anything: the current one, or an
   * earlier one kept beside it (the build history is read from them all).
   */
  public static RunState read(Path workDir, String runId) throws JournalException {
    Path file = ledgerFile(workDir, runId);
    try {
      JournalReader.Contents contents = JournalReader.read(file);
      StateBuilder state = new StateBuilder();
      contents.records().forEach(state::apply);
      return state.snapshot(contents.recovery());
    } catch (IOException e) {
      throw new JournalException(IoFailures.message("cannot read the ledger " + file, e), e);
    }
  }

  /** The ledger file of a run of a work directory. */
  public static Path ledgerFile(Path workDir, String runId) {
    return ledgerDir(workDir).resolve(runId + ".jsonl");
  }

  /** The ledger folder of a work directory. */
  public static Path ledgerDir(Path workDir) {
    return workDir.resolve("ledger");
  }

  private static Optional<String> currentRunId(Path workDir) throws JournalException {
    Path current = ledgerDir(workDir).resolve("current");
    try {
      return Files.exists(current)
          ? Optional.of(Files.readString(current, StandardCharsets.UTF_8).trim())
          : Optional.empty();
    } catch (IOException e) {
      throw new JournalException(IoFailures.message("cannot read " + current, e), e);
    }
  }

  /** Records one transition durably. */
  public synchronized void record(Transition transition) throws JournalException {
    recordAll(List.of(transition));
  }

  /** Records several transitions with one write and one flush to disk (a group commit). */
  public synchronized void recordAll(List<Transition> transitions) throws JournalException {
    if (transitions.isEmpty()) {
      return;
    }
    StringBuilder lines = new StringBuilder();
    Instant[] at = new Instant[transitions.size()];
    for (int i = 0; i < at.length; i++) {
      at[i] = clock.instant();
      lines.append(JournalCodec.plan(++seq, at[i], transitions.get(i)));
    }
    write(lines.toString());
    for (int i = 0; i < at.length; i++) {
      state.apply(transitions.get(i), at[i]);
    }
  }

  /** Records what a stage is to build, unless the ledger already has exactly that. */
  public synchronized void recordStage(StageWork work) throws JournalException {
    if (state.work(work.stage()).filter(work::equals).isPresent()) {
      return;
    }
    write(JournalCodec.stage(++seq, clock.instant(), work));
    state.apply(work);
  }

  /**
   * Records that these artifacts of a stage (by sha256) passed the check before the next stage may
   * use them, so it is not run on them again.
   */
  public synchronized void recordCheckPassed(StageName stage, List<String> sha256s)
      throws JournalException {
    if (sha256s.isEmpty()) {
      return;
    }
    write(JournalCodec.check(++seq, clock.instant(), stage, sha256s));
    state.passed(stage, sha256s);
  }

  /** Records a stage hook's run starting or ending, durably, before kiln goes on. */
  public synchronized void recordHook(HookRun run) throws JournalException {
    write(JournalCodec.hook(++seq, clock.instant(), run));
    state.apply(run);
  }

  /**
   * Records a change of a build host's standing (lost, rejoined, quarantined), durably, at the
   * journal's time.
   *
   * @param reason why it was lost or quarantined; null for a rejoin
   * @return the event as recorded
   */
  public synchronized HostEvent recordHost(String host, HostEvent.Change change, String reason)
      throws JournalException {
    HostEvent event = new HostEvent(host, change, reason, clock.instant());
    write(JournalCodec.host(++seq, event));
    state.apply(event);
    return event;
  }

  /** The stage hooks of {@code stage} as recorded so far. */
  public synchronized StageHookRuns hooks(StageName stage) {
    return state.hooks(stage);
  }

  /** The run as recorded so far. */
  public synchronized RunState state() {
    return state.snapshot(recovery);
  }

  /** One entry's state as recorded so far. */
  public synchronized EntryState entry(StageName stage, EntryKey key) {
    return state.entry(stage, key);
  }

  public String runId() {
    return state.runId();
  }

  /** The ledger file. */
  public Path file() {
    return file;
  }

  /** What opening the ledger found wrong with it; clean for a new run. */
  public Recovery recovery() {
    return recovery;
  }

  private void write(String lines) throws JournalException {
    try {
      append(lines);
    } catch (IOException e) {
      throw new JournalException(IoFailures.message("cannot write the ledger " + file, e), e);
    }
  }

  /**
   * Interrupts {@code thread} (kiln is being stopped) at a moment it is not writing the ledger: an
   * interrupt during a write would close the ledger's file, and what finished could no longer be
   * recorded.
   */
  public synchronized void interruptBetweenWrites(Thread thread) {
    thread.interrupt();
  }

  private void append(String lines) throws IOException {
    // A file channel gives up on an interrupted thread and closes. Interrupts come only between
    // writes (interruptBetweenWrites); one pending is held back until the record is on disk.
    boolean interrupted = Thread.interrupted();
    try {
      ByteBuffer buffer = ByteBuffer.wrap(lines.getBytes(StandardCharsets.UTF_8));
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(false);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static long pid() {
    return ProcessHandle.current().pid();
  }

  @Override
  public synchronized void close() throws IOException {
    channel.close();
  }
}
