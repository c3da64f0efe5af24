package kiln.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import kiln.orchestrator.FakeBuilder;
import kiln.orchestrator.PipelineParts;
import kiln.orchestrator.Worlds;
import kiln.resume.StageName;
import kiln.resume.StageWork;

/** Stage parts made of text worlds and fake builders, kept across commands of one test. */
final class FakeParts {

  static final String BASE = "gcc\nglibc: gcc\nbusybox: glibc\n";
  static final String WORLD = "zlib\ncurl: zlib\ngit: curl\njq\n";

  final Map<StageName, FakeBuilder> builders = new EnumMap<>(StageName.class);
  int tarballsMade;
  volatile String stage0Failure;
  volatile String checkFailure;

  BootstrapCommand.PartsFactory factory() {
    return config ->
        new PipelineParts(
            (cfg, log) -> {
              tarballsMade++;
              if (stage0Failure != null) {
                throw new kiln.orchestrator.StageException(stage0Failure);
              }
              try {
                Files.createDirectories(cfg.work());
                return Files.writeString(cfg.work().resolve("tools-1.tar.xz"), "tools");
              } catch (java.io.IOException e) {
                throw new kiln.orchestrator.StageException("cannot write the tarball", e);
              }
            },
            new PipelineParts.StageInputs() {
              @Override
              public StageWork basePlans(kiln.orchestrator.config.KilnConfig cfg, StageName stage) {
                return Worlds.baseList(stage, BASE);
              }

              @Override
              public StageWork world(kiln.orchestrator.config.KilnConfig cfg) {
                return Worlds.world(WORLD);
              }
            },
            context -> builder(context.stage(), context.results()),
            (context, result) -> {
              if (checkFailure != null && context.stage() == StageName.STAGE2) {
                throw new kiln.orchestrator.StageException(checkFailure);
              }
            });
  }

  synchronized FakeBuilder builder(StageName stage, Path results) {
    return builders.computeIfAbsent(stage, s -> new FakeBuilder(results));
  }

  FakeBuilder world() {
    return builders.get(StageName.STAGE3);
  }
}
