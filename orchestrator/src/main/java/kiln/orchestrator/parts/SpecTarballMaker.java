package kiln.orchestrator.parts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import kiln.orchestrator.PipelineParts.ToolsTarballMaker;
import kiln.orchestrator.StageException;
import kiln.orchestrator.config.KilnConfig;
import kiln.toolchain.BuildTime;
import kiln.toolchain.BuiltTarball;
import kiln.toolchain.SpecException;
import kiln.toolchain.TarballException;
import kiln.toolchain.TarballProblem;
import kiln.toolchain.ToolchainSpec;
import kiln.toolchain.ToolsTarball;
import kiln.world.IoFailures;

/** Stage 0: the tools tarball made from the config's toolchain spec, into the work dir. */
public final class SpecTarballMaker implements ToolsTarballMaker {

  private final Map<String, String> environment;

  /**
   * @param environment where {@code SOURCE_DATE_EPOCH} is read, for a reproducible tarball
   */
  public SpecTarballMaker(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  @Override
  public Path make(KilnConfig config, Path log) throws StageException {
    Path specFile =
        config.toolchain().orElseThrow(() -> new StageException("stage0: no toolchain spec"));
    try {
      ToolchainSpec spec = ToolchainSpec.read(specFile);
      BuildTime time = BuildTime.from(Clock.systemUTC(), environment);
      int threads = Runtime.getRuntime().availableProcessors();
      BuiltTarball built =
          new ToolsTarball(time, threads).build(spec, specFile, config.work().resolve("stage0"));
      Files.writeString( // appended: a before-build hook may have written to it
          log,
          "stage0: wrote " + built + "\n",
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
      return built.path();
    } catch (SpecException | TarballException e) {
      throw new StageException("stage0 (" + specFile + "): " + e.getMessage(), e);
    } catch (IOException e) {
      throw new StageException(IoFailures.message("stage0: cannot write the log " + log, e), e);
    }
  }

  @Override
  public List<String> problems(Path tarball) {
    return ToolsTarball.verify(tarball).stream().map(TarballProblem::toString).toList();
  }
}
