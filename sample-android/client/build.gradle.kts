// The client core: plain Java 17 (Android API 26-safe; the Maven build checks it with
// animal-sniffer), shared by the app and the desktop.
plugins {
  `java-library`
}

java {
  sourceCompatibility = JavaVersion.VERSION_17
  targetCompatibility = JavaVersion.VERSION_17
}

dependencies {
  api(project(":protocol"))
  implementation("com.squareup.okhttp3:okhttp:4.12.0")
  implementation("com.google.code.gson:gson:2.13.2")
}
