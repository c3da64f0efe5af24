package kiln.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Valid bash that once made a plan unreadable: each case is bash that {@code bash -n} accepts. */
class BashSyntaxTest {

  @TempDir Path tree;

  private PlanReading read(String body) throws Exception {
    Path plan = tree.resolve("p/plan.sh");
    Files.createDirectories(plan.getParent());
    Files.writeString(
        plan, "pkg_name=p\npkg_origin=demo\npkg_version=1\n" + body + "\npkg_deps=(core/after)\n");
    return new PlanReader().read(plan, EvalContext.stage1());
  }

  private void readsPast(String body) throws Exception {
    PlanReading reading = read(body);
    assertEquals(List.of("core/after"), Fixtures.deps(reading.plan()), body);
    assertEquals(List.of(), reading.warnings(), body);
  }

  @Test
  void aHereStringInAFunctionBody() throws Exception {
    readsPast("f() {\n grep x <<<\"abc\"\n}");
    readsPast("f() {\n read -r a b <<< \"$x\"\n}");
  }

  @Test
  void shiftsInArithmeticInsideAFunctionOrASubstitution() throws Exception {
    readsPast("f() {\n echo $(( 1 << 2 ))\n}");
    readsPast("x=$(echo $(( 8 >> 1 )))");
    readsPast("(( y = 1 << 3 ))");
    readsPast("f() {\n  (( y <<= 2 ))\n  for ((i = 0; i << 2; i++)); do :; done\n}");
    readsPast("for ((i = 0; (i) < 3; i++)x) do :; done"); // bash balances, x is arithmetic
    readsPast("if [[ -n \"$x\" &&# $y == a* ]]; then :; fi"); // in [[ ]], #... is a word there
  }

  @Test
  void hereDocumentsInsideSubstitutionsAndFunctions() throws Exception {
    readsPast("x=$(cat <<EOF\na ) b\nEOF\n)");
    readsPast("x=$(cat <<EOF\na ) b\nEOF)");
    readsPast("f() {\n  cat <<-'EOF'\n\t} ( '\n\tEOF\n}");
    readsPast("f() {\n  cat <<\"E O\" | tr a b\n}\"\nE O\n}");
  }

  @Test
  void caseInsideACommandSubstitution() throws Exception {
    readsPast("x=$(case $y in a) echo a ;; (b) echo b ;; esac)");
  }

  @Test
  void bracesAndParenthesesThatAreWords() throws Exception {
    readsPast("f() { echo }; }");
    readsPast("f() { echo ${x:-$(echo })}; }");
    readsPast("diff <(echo a) >(cat)");
    readsPast("a[1]=(x)");
    readsPast("time { echo; }");
    readsPast("f() {\n  coproc BC { bc -q 2>&1; }\n  coproc cat -n\n  coproc (echo)\n}");
  }

  @Test
  void aBodyThatIsNotBashIsStillUnreadable() {
    var e =
        org.junit.jupiter.api.Assertions.assertThrows(
            UnreadablePlanException.class, () -> read("f() {\n echo )\n}"));
    assertTrue(e.getMessage().contains(":5:"), e.getMessage());
  }

  @Test
  void anIndentedHeredocEndIsReadAsThePlanMeansItWithAWarning() throws Exception {
    PlanReading reading = read("do_build() {\n  cat > x <<EOF\n  text\n  EOF\n}");
    assertEquals(List.of("core/after"), Fixtures.deps(reading.plan()));
    assertEquals(1, reading.warnings().size(), reading.warnings().toString());
    assertTrue(
        reading.warnings().get(0).message().contains("indented"), reading.warnings().toString());
  }

  @Test
  void whatOnlyBashParsesIsSteppedOverWithAWarningNamingTheLinesAndTheSettingsLost()
      throws Exception {
    Path plan = tree.resolve("r/plan.sh");
    Files.createDirectories(plan.getParent());
    Files.writeString(
        plan,
        "pkg_name=r\npkg_origin=demo\nif true; then\n  pkg_deps=(core/lost)\n  echo )\nfi\n"
            + "pkg_build_deps=(core/kept)\n");
    PlanReading reading = new PlanReader(file -> true).read(plan, EvalContext.stage1());
    assertEquals(List.of("core/kept"), Fixtures.deps(reading.plan()));
    assertEquals(1, reading.warnings().size(), reading.warnings().toString());
    Diagnostic warning = reading.warnings().get(0);
    assertEquals(3, warning.where().line(), warning.toString());
    assertTrue(warning.message().contains("lines 3-6"), warning.toString());
    assertTrue(
        warning.message().contains("pkg_deps assigned there is not seen"), warning.toString());
  }

  @Test
  void aNameInLinesOnlyBashParsesIsNamedWhereItWas() throws Exception {
    Path plan = tree.resolve("n/plan.sh");
    Files.createDirectories(plan.getParent());
    Files.writeString(
        plan, "pkg_origin=demo\nif true; then\n  pkg_name=n\n  echo )\nfi\npkg_deps=(core/a)\n");
    var e =
        org.junit.jupiter.api.Assertions.assertThrows(
            UnreadablePlanException.class,
            () -> new PlanReader(file -> true).read(plan, EvalContext.stage1()));
    assertEquals(2, e.diagnostic().where().line(), e.getMessage());
    assertTrue(
        e.getMessage().contains("no pkg_name is set")
            && e.getMessage().contains("cannot parse lines 2-5")
            && e.getMessage().contains("pkg_name assigned there is not seen"),
        e.getMessage());
  }
}
