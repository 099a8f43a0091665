package dev.tokensandbox.backend.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/** Bytes on a plain socket, for requests no HTTP client would send. */
final class RawHttp {
  private RawHttp() {}

  /** Connects to {@code port} and sends {@code firstBytes} (ISO-8859-1), leaving it open. */
  static Socket open(int port, String firstBytes) throws IOException {
    Socket s = new Socket("127.0.0.1", port);
    s.setSoTimeout(15_000);
    s.getOutputStream().write(firstBytes.getBytes(StandardCharsets.ISO_8859_1));
    s.getOutputStream().flush();
    return s;
  }

  /** Sends {@code request} and reads until the server closes the connection. */
  static String exchange(int port, String request) throws IOException {
    try (Socket s = open(port, request)) {
      return readAll(s);
    }
  }

  /** Everything the server sends until it closes; a reset after the answer keeps what arrived. */
  static String readAll(Socket s) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    InputStream in = s.getInputStream();
    byte[] buffer = new byte[4096];
    try {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        out.write(buffer, 0, n);
      }
    } catch (SocketException reset) {
      // the server closed the connection after answering
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The status code of a raw answer. */
  static int status(String answer) {
    return Integer.parseInt(answer.substring(9, 12));
  }

  /** The body of a raw answer (after the blank line). */
  static String body(String answer) {
    int blank = answer.indexOf("\r\n\r\n");
    return blank < 0 ? "" : answer.substring(blank + 4);
  }
}
