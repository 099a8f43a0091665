package dev.tokensandbox.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Looks through every entry of an APK (inflated: dex strings, resources, assets) for server
 * secrets: the given literal secrets, and anything shaped like a Ringnity server key ({@code
 * rn_sk_…}), a ChatSDK API key ({@code chatsdk_} + 32 hex) or an App Certificate next to its name.
 */
final class ApkSecretScanner {
  private static final Pattern SHAPES =
      Pattern.compile(
          "rn_sk_[A-Za-z0-9_]{8,}|chatsdk_[0-9a-f]{32}|appCertificate[\\s\\S]{0,8}[0-9a-f]{32}");

  private ApkSecretScanner() {}

  /** One line per finding: entry name and what was found (the secret itself is not repeated). */
  static List<String> scan(Path apk, List<String> secrets) throws IOException {
    List<String> findings = new ArrayList<>();
    try (ZipFile zip = new ZipFile(apk.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        if (entry.isDirectory()) {
          continue;
        }
        String text;
        try (InputStream in = zip.getInputStream(entry)) {
          text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        for (String secret : secrets) {
          if (secret != null && secret.length() >= 8 && text.contains(secret)) {
            findings.add(entry.getName() + ": a configured secret (" + secret.length() + " chars)");
          }
        }
        Matcher m = SHAPES.matcher(text);
        while (m.find()) {
          findings.add(
              entry.getName() + ": something shaped like a server key at byte " + m.start());
        }
      }
    }
    return findings;
  }
}
