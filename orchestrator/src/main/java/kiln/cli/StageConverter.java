package kiln.cli;

import kiln.resume.StageName;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code stage0}..{@code stage3} (or 0..3) on the command line. */
final class StageConverter implements ITypeConverter<StageName> {
  @Override
  public StageName convert(String value) {
    try {
      return StageName.parse(value);
    } catch (IllegalArgumentException e) {
      throw (TypeConversionException) new TypeConversionException(e.getMessage()).initCause(e);
    }
  }
}
