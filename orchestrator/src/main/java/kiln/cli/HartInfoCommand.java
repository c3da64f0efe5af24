package kiln.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import kiln.stages.artifact.ArtifactException;
import kiln.stages.artifact.Hart;
import kiln.stages.artifact.HartInfo;
import kiln.world.PackageIdent;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code kiln hart info FILE}: what an artifact holds, read from its payload. */
@Command(
    name = "info",
    description = {
      "Show an artifact's ident, target, dependencies, signer and sizes, read from its payload"
          + " (not verified: use 'kiln hart verify')."
    })
final class HartInfoCommand implements Callable<Integer> {

  @Parameters(paramLabel = "FILE", description = "The .hart file.")
  Path file;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws ArtifactException {
    HartInfo info = Hart.open(file).info();
    PrintWriter out = spec.commandLine().getOut();
    out.println("ident: " + info.ident());
    out.println("target: " + info.target());
    out.println("signer: " + info.signer());
    out.println("deps: " + join(info.deps()));
    out.println("tdeps: " + join(info.tdeps()));
    out.println("build_deps: " + join(info.buildDeps()));
    out.println("build_tdeps: " + join(info.buildTdeps()));
    out.println("size: " + info.fileSize());
    out.println("payload_size: " + info.payloadSize());
    out.println("unpacked_size: " + info.unpackedSize());
    out.println("files: " + info.fileCount());
    return 0;
  }

  private static String join(List<PackageIdent> idents) {
    return idents.stream().map(PackageIdent::toString).collect(Collectors.joining(" "));
  }
}
