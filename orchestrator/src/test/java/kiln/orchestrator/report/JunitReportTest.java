package kiln.orchestrator.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The JUnit XML read back with the JDK's parser, as a CI system reads it. */
class JunitReportTest {

  @TempDir Path work;

  Document junit() throws Exception {
    Path file = work.resolve("out/junit.xml");
    ReportFolder.writeJunit(ReportRuns.runWithAFailure(work), file, LogTails.reading(30));
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(file.toFile());
  }

  @Test
  void aSuitePerStageACasePerEntryWithItsVerdictAndTime() throws Exception {
    Element suites = junit().getDocumentElement();
    assertEquals("testsuites", suites.getTagName());
    NodeList suite = suites.getElementsByTagName("testsuite");
    assertEquals(1, suite.getLength());
    Element stage3 = (Element) suite.item(0);
    assertEquals("stage3", stage3.getAttribute("name"));
    assertEquals("5", stage3.getAttribute("tests"));
    assertEquals("2", stage3.getAttribute("failures"), "b failed, d timed out");
    assertEquals("2", stage3.getAttribute("skipped"), "c for b; e not built yet");
    assertEquals("0", stage3.getAttribute("errors"));
    assertEquals(3.0, Double.parseDouble(stage3.getAttribute("time")), "three builds of 1s each");

    List<String> cases = new ArrayList<>();
    NodeList testcases = stage3.getElementsByTagName("testcase");
    for (int i = 0; i < testcases.getLength(); i++) {
      Element testcase = (Element) testcases.item(i);
      assertEquals("stage3", testcase.getAttribute("classname"));
      cases.add(
          testcase.getAttribute("name")
              + " "
              + testcase.getAttribute("time")
              + " "
              + verdict(testcase));
    }
    assertEquals(
        List.of(
            "t/a 1.000 passed",
            "t/b X=<i>&amp;</i> 1.000 failure(failed): failed: exit code 1",
            "t/c 0.000 skipped: t/b X=<i>&amp;</i> failed",
            "t/d 1.000 failure(timed_out): timed out: no output for 1h",
            "t/e 0.000 skipped: not built yet: pending"),
        cases);
  }

  @Test
  void aFailureCarriesItsLogTailAsText() throws Exception {
    Element failure = (Element) junit().getElementsByTagName("failure").item(0);
    String text = failure.getTextContent();
    assertTrue(text.startsWith("building t/b X=<i>&amp;</i>\nline 2\nerror: it broke\n"), text);
    // markup arrives as the characters the build printed; the colour code as text, since XML
    // cannot carry it
    assertTrue(text.endsWith(ReportRuns.HOSTILE_TAIL.replace("\u001b", "\\x1b")), text);
  }

  private static String verdict(Element testcase) {
    NodeList failure = testcase.getElementsByTagName("failure");
    if (failure.getLength() > 0) {
      Element f = (Element) failure.item(0);
      return "failure(" + f.getAttribute("type") + "): " + f.getAttribute("message");
    }
    NodeList skipped = testcase.getElementsByTagName("skipped");
    if (skipped.getLength() > 0) {
      return "skipped: " + ((Element) skipped.item(0)).getAttribute("message");
    }
    return "passed";
  }
}
