package kiln.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest, or "development" when run from classes. */
final class KilnVersion implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Kiln.class.getPackage().getImplementationVersion();
    return new String[] {"kiln " + (version == null ? "development" : version)};
  }
}
