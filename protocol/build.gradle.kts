// The device protocol: no dependencies, Android API 26-safe. Built by Maven (pom.xml); this file
// lets Android Studio open sample-android/ with the same sources.
plugins {
  `java-library`
}

java {
  sourceCompatibility = JavaVersion.VERSION_17
  targetCompatibility = JavaVersion.VERSION_17
}
