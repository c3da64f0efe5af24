package kiln.orchestrator;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kiln.resume.EntryKey;
import kiln.resume.EntryStatus;
import kiln.resume.HostEvent;
import kiln.resume.StageName;
import kiln.resume.StageWork;

/**
 * Two listeners to one run, told in order. Every method of {@link Progress} is passed on (a test
 * checks each one, so a method added to Progress cannot be lost here).
 */
final class BothProgress implements Progress {

  private final Progress first;
  private final Progress second;

  BothProgress(Progress first, Progress second) {
    this.first = first;
    this.second = second;
  }

  @Override
  public void stageStarted(StageName stage, int total, int done) {
    first.stageStarted(stage, total, done);
    second.stageStarted(stage, total, done);
  }

  @Override
  public void stageStarted(StageWork work, Map<EntryKey, EntryStatus> now, int jobs) {
    first.stageStarted(work, now, jobs);
    second.stageStarted(work, now, jobs);
  }

  @Override
  public void stageHosts(StageName stage, List<String> hosts) {
    first.stageHosts(stage, hosts);
    second.stageHosts(stage, hosts);
  }

  @Override
  public void buildPlaced(StageName stage, EntryKey key, String host) {
    first.buildPlaced(stage, key, host);
    second.buildPlaced(stage, key, host);
  }

  @Override
  public void buildCutOff(StageName stage, EntryKey key, String why) {
    first.buildCutOff(stage, key, why);
    second.buildCutOff(stage, key, why);
  }

  @Override
  public void hostChanged(HostEvent event) {
    first.hostChanged(event);
    second.hostChanged(event);
  }

  @Override
  public void buildStarted(StageName stage, EntryKey key, Path log, int attempt) {
    first.buildStarted(stage, key, log, attempt);
    second.buildStarted(stage, key, log, attempt);
  }

  @Override
  public void buildFinished(
      StageName stage, EntryKey key, EntryStatus status, Path log, String why) {
    first.buildFinished(stage, key, status, log, why);
    second.buildFinished(stage, key, status, log, why);
  }

  @Override
  public void skipped(StageName stage, EntryKey key, String reason) {
    first.skipped(stage, key, reason);
    second.skipped(stage, key, reason);
  }

  @Override
  public void artifactGone(StageName stage, EntryKey key, Path artifact) {
    first.artifactGone(stage, key, artifact);
    second.artifactGone(stage, key, artifact);
  }

  @Override
  public void note(String text) {
    first.note(text);
    second.note(text);
  }

  @Override
  public void stageFinished(StageResult result) {
    first.stageFinished(result);
    second.stageFinished(result);
  }
}
