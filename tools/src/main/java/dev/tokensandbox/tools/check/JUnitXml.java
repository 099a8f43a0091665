package dev.tokensandbox.tools.check;

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
 * Test results as a JUnit XML report (the Ant/Surefire format CI servers read): one test case each,
 * failed ones with a message and a text, each with its output. Used for QA preset runs and for
 * {@code check} findings.
 */
public final class JUnitXml {
  /**
   * One test case; {@code failureMessage} null when it passed, {@code skipped} a reason or null.
   */
  public record Case(
      String classname,
      String name,
      double seconds,
      String failureMessage,
      String failureText,
      String skipped,
      String output,
      java.util.Map<String, String> properties) {

    public Case(
        String classname,
        String name,
        double seconds,
        String failureMessage,
        String failureText,
        String skipped,
        String output) {
      this(
          classname,
          name,
          seconds,
          failureMessage,
          failureText,
          skipped,
          output,
          java.util.Map.of());
    }
  }

  private JUnitXml() {}

  public static void write(String suiteName, List<Case> cases, Path file) throws IOException {
    try {
      Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
      Element suite = doc.createElement("testsuite");
      suite.setAttribute("name", suiteName);
      suite.setAttribute("tests", String.valueOf(cases.size()));
      suite.setAttribute(
          "failures",
          String.valueOf(cases.stream().filter(c -> c.failureMessage() != null).count()));
      suite.setAttribute("errors", "0");
      suite.setAttribute(
          "skipped", String.valueOf(cases.stream().filter(c -> c.skipped() != null).count()));
      doc.appendChild(suite);
      for (Case c : cases) {
        Element testCase = doc.createElement("testcase");
        testCase.setAttribute("classname", c.classname());
        testCase.setAttribute("name", c.name());
        testCase.setAttribute("time", String.format(Locale.ROOT, "%.3f", c.seconds()));
        if (!c.properties().isEmpty()) {
          Element properties = doc.createElement("properties");
          c.properties()
              .forEach(
                  (name, value) -> {
                    Element property = doc.createElement("property");
                    property.setAttribute("name", name);
                    property.setAttribute("value", value);
                    properties.appendChild(property);
                  });
          testCase.appendChild(properties);
        }
        if (c.failureMessage() != null) {
          Element failure = doc.createElement("failure");
          failure.setAttribute("message", c.failureMessage());
          failure.setAttribute("type", "finding");
          failure.setTextContent(c.failureText());
          testCase.appendChild(failure);
        } else if (c.skipped() != null) {
          Element skipped = doc.createElement("skipped");
          skipped.setAttribute("message", c.skipped());
          testCase.appendChild(skipped);
        }
        if (c.output() != null) {
          Element out = doc.createElement("system-out");
          out.setTextContent(c.output());
          testCase.appendChild(out);
        }
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
