package kiln.cli;

import kiln.stages.build.NetworkPolicy;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --network never|download}: whether a build pass may ever reach the network. */
final class NetworkOption {

  @Option(
      names = "--network",
      paramLabel = "WHEN",
      defaultValue = "download",
      converter = PolicyConverter.class,
      description =
          "never: no build gets the network; download: only a plan that overrides do_download"
              + " and has a remote pkg_source (http, https, ftp, git, ...). Default:"
              + " ${DEFAULT-VALUE}.")
  NetworkPolicy policy = NetworkPolicy.DOWNLOAD;

  static final class PolicyConverter implements ITypeConverter<NetworkPolicy> {
    @Override
    public NetworkPolicy convert(String value) {
      try {
        return NetworkPolicy.parse(value);
      } catch (IllegalArgumentException e) {
        throw (TypeConversionException) new TypeConversionException(e.getMessage()).initCause(e);
      }
    }
  }
}
