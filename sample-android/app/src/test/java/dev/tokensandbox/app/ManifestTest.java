package dev.tokensandbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The real manifest and network security config (the Robolectric tests run without them): what a
 * phone needs to pair — the camera's deep link, cleartext HTTP to the desktop's LAN address — and a
 * launcher icon. The APK build checks the same, and that the APK is debuggable, in the built APK.
 */
class ManifestTest {
  private static final String ANDROID = "http://schemas.android.com/apk/res/android";

  private static Document read(String path) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(Path.of(path).toFile());
  }

  @Test
  void theCamerasPairingLinkOpensMainActivity() throws Exception {
    Document manifest = read("src/main/AndroidManifest.xml");
    NodeList filters =
        (NodeList)
            XPathFactory.newInstance()
                .newXPath()
                .evaluate(
                    "//activity[@*[local-name()='name']='.MainActivity']/intent-filter"
                        + "[action/@*[local-name()='name']='android.intent.action.VIEW']",
                    manifest,
                    XPathConstants.NODESET);
    assertThat(filters.getLength()).isEqualTo(1);
    org.w3c.dom.Element filter = (org.w3c.dom.Element) filters.item(0);
    assertThat(filter.getElementsByTagName("category").getLength()).isEqualTo(2);
    String categories =
        ((org.w3c.dom.Element) filter.getElementsByTagName("category").item(0))
                .getAttributeNS(ANDROID, "name")
            + " "
            + ((org.w3c.dom.Element) filter.getElementsByTagName("category").item(1))
                .getAttributeNS(ANDROID, "name");
    assertThat(categories).contains("DEFAULT", "BROWSABLE");
    org.w3c.dom.Element data = (org.w3c.dom.Element) filter.getElementsByTagName("data").item(0);
    assertThat(data.getAttributeNS(ANDROID, "scheme"))
        .isEqualTo(dev.tokensandbox.protocol.PairingPayload.SCHEME);
    assertThat(data.getAttributeNS(ANDROID, "host")).isEqualTo("pair");
  }

  @Test
  void theAppHasALauncherIcon() throws Exception {
    org.w3c.dom.Element application =
        (org.w3c.dom.Element)
            read("src/main/AndroidManifest.xml").getElementsByTagName("application").item(0);
    assertThat(application.getAttributeNS(ANDROID, "icon")).isEqualTo("@mipmap/ic_launcher");
    assertThat(Path.of("src/main/res/mipmap-anydpi-v26/ic_launcher.xml")).exists();
  }

  @Test
  void cleartextReachesWhateverAddressTheAppWasPairedWith() throws Exception {
    org.w3c.dom.Element base =
        (org.w3c.dom.Element)
            read("src/main/res/xml/network_security_config.xml")
                .getElementsByTagName("base-config")
                .item(0);
    assertThat(base.getAttribute("cleartextTrafficPermitted")).isEqualTo("true");
  }
}
