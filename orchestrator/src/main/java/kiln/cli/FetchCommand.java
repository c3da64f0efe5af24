package kiln.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import kiln.stages.publish.FetchResult;
import kiln.stages.publish.RepositoryClient;
import kiln.stages.publish.RepositoryException;
import kiln.world.PackageIdent;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kiln fetch}: installs a package and its dependencies from a published repository. */
@Command(
    name = "fetch",
    description = {
      "Install the newest package matching IDENT, and the packages it needs, from a repository"
          + " URL into DIR/hab/pkgs. The index must be signed by a public key in --keys; each"
          + " artifact must have the index's size and hashes and verify before it is unpacked."
    })
final class FetchCommand implements Callable<Integer> {

  @Parameters(paramLabel = "IDENT", description = "origin/name[/version[/release]]")
  String ident;

  @Option(
      names = "--from",
      paramLabel = "URL",
      required = true,
      description = "The repository, e.g. http://127.0.0.1:8700/ (what 'kiln serve' prints).")
  URI from;

  @Option(
      names = "--into",
      paramLabel = "DIR",
      required = true,
      description = "The root to install below: packages land in DIR/hab/pkgs/o/n/v/r.")
  Path into;

  @Mixin KeysOption keys = new KeysOption();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws RepositoryException, InterruptedException {
    PackageIdent wanted;
    try {
      wanted = PackageIdent.parse(ident);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    FetchResult result = new RepositoryClient(from, keys.keys()).fetch(wanted, into);
    PrintWriter out = spec.commandLine().getOut();
    result.installed().forEach(i -> out.println("installed " + i));
    result.present().forEach(i -> out.println("already installed " + i));
    out.println("from release " + result.release() + " of " + from);
    return 0;
  }
}
