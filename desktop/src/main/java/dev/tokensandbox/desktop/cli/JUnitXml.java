package dev.tokensandbox.desktop.cli;

import dev.tokensandbox.client.presets.PresetResult;
import dev.tokensandbox.client.presets.TimelineMatcher;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Preset runs as a JUnit XML report (the Ant/Surefire format CI servers read): one test case per
 * preset, a failure per preset that did not match with each broken expectation, the timeline as the
 * case's output.
 */
final class JUnitXml {
  private JUnitXml() {}

  static void write(List<PresetResult> results, Path file) throws IOException {
    try {
      Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
      Element suite = doc.createElement("testsuite");
      long failures = results.stream().filter(r -> !r.passed()).count();
      suite.setAttribute("name", "token-sandbox presets");
      suite.setAttribute("tests", String.valueOf(results.size()));
      suite.setAttribute("failures", String.valueOf(failures));
      suite.setAttribute("errors", "0");
      suite.setAttribute("skipped", "0");
      doc.appendChild(suite);
      for (PresetResult r : results) {
        Element testCase = doc.createElement("testcase");
        testCase.setAttribute("classname", "token-sandbox.presets");
        testCase.setAttribute("name", r.preset().id());
        testCase.setAttribute(
            "time", String.format(Locale.ROOT, "%.3f", r.preset().runFor().toMillis() / 1000.0));
        if (!r.passed()) {
          Element failure = doc.createElement("failure");
          failure.setAttribute(
              "message",
              r.preset().title() + ": " + r.failures().size() + " expectation(s) did not hold");
          failure.setAttribute("type", "timeline mismatch");
          StringBuilder text = new StringBuilder();
          for (TimelineMatcher.Check c : r.checks()) {
            text.append(c.held() ? "held: " + c.expect() : "FAILED: " + c.failure()).append('\n');
          }
          failure.setTextContent(text.toString());
          testCase.appendChild(failure);
        }
        Element out = doc.createElement("system-out");
        out.setTextContent(r.render());
        testCase.appendChild(out);
        suite.appendChild(testCase);
      }
      Transformer t = TransformerFactory.newInstance().newTransformer();
      t.setOutputProperty(OutputKeys.INDENT, "yes");
      t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try (OutputStream o = Files.newOutputStream(file)) {
        t.transform(new DOMSource(doc), new StreamResult(o));
      }
    } catch (ParserConfigurationException | TransformerException e) {
      throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
    }
  }
}
