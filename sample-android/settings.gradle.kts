// Android Studio opens this folder. The Maven build (../pom.xml) is the verified one; these files
// are kept consistent with it by GradleConsistencyTest in the app module, but CI does not run
// Gradle (the Android Gradle Plugin cannot be downloaded on the project's build machines).
pluginManagement {
  repositories {
    google()
    mavenCentral()
    gradlePluginPortal()
  }
}

dependencyResolutionManagement {
  repositories {
    google()
    mavenCentral()
  }
}

rootProject.name = "token-sandbox-android"

include(":protocol", ":client", ":app")
project(":protocol").projectDir = file("../protocol")
