// The Android sample for Android Studio: the same sources, resources and manifest as the Maven
// build (which is the one CI builds, signs and checks: see README "Android app").
plugins {
  id("com.android.application")
}

android {
  namespace = "dev.tokensandbox.app"
  compileSdk = 35

  defaultConfig {
    applicationId = "dev.tokensandbox.app"
    minSdk = 26
    targetSdk = 34
    versionCode = 1
    versionName = "0.1.0"
  }

  buildTypes {
    getByName("debug") {
      isDebuggable = true
    }
  }

  compileOptions {
    sourceCompatibility = JavaVersion.VERSION_17
    targetCompatibility = JavaVersion.VERSION_17
  }

  sourceSets {
    getByName("main") {
      java.srcDirs("src/main/java")
      res.srcDirs("src/main/res")
      manifest.srcFile("src/main/AndroidManifest.xml")
    }
  }
}

dependencies {
  implementation(project(":client"))
}
