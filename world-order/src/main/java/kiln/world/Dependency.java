package kiln.world;

import java.util.Objects;

/**
 * One dependency of a plan, cut to origin/name, with where it was declared.
 *
 * @param ident the package depended on, origin/name only
 * @param kind the setting that declared it
 * @param declaredAt the file and line of the declaration (a sourced file's, if it came from one)
 */
public record Dependency(PackageIdent ident, DepKind kind, SourceLocation declaredAt) {

  public Dependency {
    Objects.requireNonNull(ident, "ident");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(declaredAt, "declaredAt");
    ident = ident.originAndName();
  }

  @Override
  public String toString() {
    return ident + " (" + kind.setting() + ", " + declaredAt + ")";
  }
}
