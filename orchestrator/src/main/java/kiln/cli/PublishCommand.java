package kiln.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import kiln.orchestrator.StagePublishing;
import kiln.orchestrator.config.ConfigException;
import kiln.orchestrator.config.ConfigLoader;
import kiln.orchestrator.config.KilnConfig;
import kiln.orchestrator.config.PublishSettings;
import kiln.resume.StageName;
import kiln.stages.publish.PublishResult;
import kiln.stages.publish.Publisher;
import kiln.stages.publish.RepositoryException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kiln publish}: a new signed release of a stage's packages, swapped in atomically. */
@Command(
    name = "publish",
    description = {
      "Publish a stage's artifacts, with the packages of earlier stages they need, as a new"
          + " release of a repository: a signed INDEX, the artifacts and the public keys, swapped"
          + " in atomically through the 'latest' link. A package whose dependency is missing is"
          + " left out and reported."
    })
final class PublishCommand implements Callable<Integer> {

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "The distribution's kiln.yaml; default: ./kiln.yaml.")
  Path config;

  @Option(
      names = "--stage",
      paramLabel = "STAGE",
      converter = StageConverter.class,
      description =
          "The stage whose results are published (default: kiln.yaml's publish.stage,"
              + " else stage3).")
  StageName stage;

  @Option(
      names = "--repo",
      paramLabel = "DIR",
      description = "The repository folder (default: kiln.yaml's publish.repo).")
  Path repo;

  @Option(
      names = "--keep",
      paramLabel = "N",
      description =
          "How many earlier releases to keep (default: kiln.yaml's publish.keep, else "
              + PublishSettings.DEFAULT_KEEP
              + ").")
  Integer keep;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws ConfigException, RepositoryException {
    KilnConfig kiln =
        ConfigLoader.load(
            WorkDirOptions.configFile(config, "--config FILE with your distribution's kiln.yaml"));
    Optional<PublishSettings> configured = kiln.publish();
    Path repository =
        repo != null ? repo : configured.map(PublishSettings::repository).orElse(null);
    if (repository == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "say where to publish: --repo DIR, or 'publish: {repo: DIR}' in " + kiln.file());
    }
    StageName published =
        stage != null ? stage : configured.map(PublishSettings::stage).orElse(StageName.STAGE3);
    int kept =
        keep != null
            ? keep
            : configured.map(PublishSettings::keep).orElse(PublishSettings.DEFAULT_KEEP);
    if (kept < 0 || published == StageName.STAGE0) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--keep must be 0 or more, and --stage one that makes packages");
    }
    PublishResult result =
        Publisher.publish(
            StagePublishing.request(
                kiln,
                published,
                Publisher.artifactsIn(kiln.results(published)),
                repository.toAbsolutePath().normalize(),
                kept));
    PrintWriter out = spec.commandLine().getOut();
    StagePublishing.report(result).forEach(out::println);
    return 0;
  }
}
