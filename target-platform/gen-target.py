#!/usr/bin/env python3
# SPDX-License-Identifier: EPL-2.0
"""Writes io.tiepoint.target: the pinned target platform, from Maven Central only.

Every location is a Maven location with includeDependencyDepth="none", so that nothing floats:
third-party POMs use open version ranges, and the build must be the same tomorrow. To move to a
newer Eclipse release, change the versions below, run this script and commit both files.
Eclipse 4.41 (2026-09) needs Java 21; Tycho and the product run on a JDK 21+ (see ../tiepoint).
"""
import sys
from pathlib import Path

P = "org.eclipse.platform"
NETTY = "4.2.17.Final"
ECLIPSE = [  # Eclipse 4.41 (2026-09) RCP + compatibility layer, as released to Maven Central
    (P, "org.eclipse.core.commands", "3.13.0"), (P, "org.eclipse.core.contenttype", "3.9.900"),
    (P, "org.eclipse.core.databinding", "1.13.700"), (P, "org.eclipse.core.databinding.observable", "1.13.500"),
    (P, "org.eclipse.core.databinding.property", "1.10.500"), (P, "org.eclipse.core.expressions", "3.9.700"),
    (P, "org.eclipse.core.jobs", "3.15.900"), (P, "org.eclipse.core.runtime", "3.35.0"),
    (P, "org.eclipse.e4.core.commands", "1.1.800"), (P, "org.eclipse.e4.core.contexts", "1.13.300"),
    (P, "org.eclipse.e4.core.di", "1.9.900"), (P, "org.eclipse.e4.core.di.annotations", "1.8.500"),
    (P, "org.eclipse.e4.core.di.extensions", "0.18.300"), (P, "org.eclipse.e4.core.di.extensions.supplier", "0.17.1200"),
    (P, "org.eclipse.e4.core.services", "2.5.400"), (P, "org.eclipse.e4.emf.xpath", "0.6.100"),
    (P, "org.eclipse.e4.ui.bindings", "0.15.100"), (P, "org.eclipse.e4.ui.css.core", "0.14.700"),
    (P, "org.eclipse.e4.ui.css.swt", "0.17.0"), (P, "org.eclipse.e4.ui.css.swt.theme", "0.15.100"),
    (P, "org.eclipse.e4.ui.di", "1.5.700"), (P, "org.eclipse.e4.ui.dialogs", "1.7.100"),
    (P, "org.eclipse.e4.ui.model.workbench", "2.4.800"), (P, "org.eclipse.e4.ui.services", "1.6.700"),
    (P, "org.eclipse.e4.ui.widgets", "1.5.0"), (P, "org.eclipse.e4.ui.workbench", "1.18.300"),
    (P, "org.eclipse.e4.ui.workbench.addons.swt", "1.6.100"), (P, "org.eclipse.e4.ui.workbench.renderers.swt", "0.18.0"),
    (P, "org.eclipse.e4.ui.workbench.swt", "0.18.100"), (P, "org.eclipse.e4.ui.workbench3", "0.18.0"),
    (P, "org.eclipse.equinox.app", "1.7.600"), (P, "org.eclipse.equinox.common", "3.21.0"),
    (P, "org.eclipse.equinox.event", "1.7.300"), (P, "org.eclipse.equinox.launcher", "1.8.0"),
    (P, "org.eclipse.equinox.preferences", "3.12.100"), (P, "org.eclipse.equinox.registry", "3.12.600"),
    (P, "org.eclipse.equinox.security", "1.4.700"),
    (P, "org.eclipse.equinox.simpleconfigurator", "1.5.700"), (P, "org.eclipse.help", "3.11.100"),
    (P, "org.eclipse.jface", "3.40.0"), (P, "org.eclipse.jface.databinding", "1.16.0"),
    (P, "org.eclipse.osgi", "3.24.300"), (P, "org.eclipse.swt", "3.135.0"),
    (P, "org.eclipse.swt.gtk.linux.x86_64", "3.135.0"), (P, "org.eclipse.swt.svg", "3.133.0"), (P, "org.eclipse.ui", "3.209.0"),
    (P, "org.eclipse.ui.workbench", "3.139.0"), (P, "org.eclipse.urischeme", "1.3.600"),
    ("org.eclipse.emf", "org.eclipse.emf.common", "2.46.0"), ("org.eclipse.emf", "org.eclipse.emf.ecore", "2.43.0"),
    ("org.eclipse.emf", "org.eclipse.emf.ecore.xmi", "2.41.0"), ("org.eclipse.emf", "org.eclipse.emf.ecore.change", "2.18.0"),
    ("com.ibm.icu", "icu4j", "79.1"),
    ("net.java.dev.jna", "jna", "5.19.1"), ("net.java.dev.jna", "jna-platform", "5.19.1"),
    ("jakarta.annotation", "jakarta.annotation-api", "3.0.0"), ("jakarta.inject", "jakarta.inject-api", "2.0.1"),
    ("org.osgi", "org.osgi.service.event", "1.4.1"), ("org.osgi", "org.osgi.service.prefs", "1.1.2"),
    ("org.osgi", "org.osgi.service.component", "1.5.1"), ("org.osgi", "org.osgi.util.promise", "1.3.0"),
    # compile-time only: the Declarative Services annotations Tycho turns into OSGI-INF/*.xml (tycho.ds.enabled)
    ("org.osgi", "org.osgi.service.component.annotations", "1.5.1"),
    ("org.osgi", "org.osgi.util.function", "1.2.0"), ("org.apache.felix", "org.apache.felix.scr", "2.2.18"),
    ("com.github.weisj", "jsvg", "2.1.0"),  # for org.eclipse.swt.svg, which jface requires (image.format=svg)
    # jsvg requires the osgi.serviceloader.processor extender: Aries SPI Fly, as in the Eclipse SDK
    ("org.apache.aries.spifly", "org.apache.aries.spifly.dynamic.bundle", "1.3.7"),
    ("org.ow2.asm", "asm", "9.11.1"), ("org.ow2.asm", "asm-commons", "9.11.1"), ("org.ow2.asm", "asm-tree", "9.11.1"),
    ("org.ow2.asm", "asm-util", "9.11.1"), ("org.ow2.asm", "asm-analysis", "9.11.1"),
]
P2 = [  # p2 (Eclipse 4.41): the engine, the director and the touchpoints that make the product a p2-managed
    # installation (tiepoint plugins, io.tiepoint.p2), ECF's URL-connection file transfer for local and http(s)
    # repositories, and what they require (SAT4J for the planner, XZ repositories, BouncyCastle for PGP signatures)
    (P, "org.eclipse.equinox.p2.core", "2.13.300"), (P, "org.eclipse.equinox.p2.engine", "2.11.200"),
    (P, "org.eclipse.equinox.p2.metadata", "2.9.800"), (P, "org.eclipse.equinox.p2.metadata.repository", "1.5.800"),
    (P, "org.eclipse.equinox.p2.artifact.repository", "1.5.1000"), (P, "org.eclipse.equinox.p2.repository", "2.9.800"),
    (P, "org.eclipse.equinox.p2.director", "2.6.900"), (P, "org.eclipse.equinox.p2.touchpoint.eclipse", "2.4.600"),
    (P, "org.eclipse.equinox.p2.touchpoint.natives", "1.5.800"), (P, "org.eclipse.equinox.p2.garbagecollector", "1.3.700"),
    (P, "org.eclipse.equinox.p2.jarprocessor", "1.3.700"), (P, "org.eclipse.equinox.p2.operations", "2.7.800"),
    (P, "org.eclipse.equinox.p2.transport.ecf", "1.4.600"), (P, "org.eclipse.equinox.frameworkadmin", "2.3.600"),
    (P, "org.eclipse.equinox.frameworkadmin.equinox", "1.3.400"),
    (P, "org.eclipse.equinox.simpleconfigurator.manipulator", "2.3.700"), (P, "org.eclipse.equinox.concurrent", "1.3.500"),
    ("org.eclipse.ecf", "org.eclipse.ecf", "3.13.0"), ("org.eclipse.ecf", "org.eclipse.ecf.identity", "3.10.0"),
    ("org.eclipse.ecf", "org.eclipse.ecf.filetransfer", "5.1.103"),
    ("org.eclipse.ecf", "org.eclipse.ecf.provider.filetransfer", "3.3.100"),
    ("org.ow2.sat4j", "org.ow2.sat4j.core", "2.3.6"), ("org.ow2.sat4j", "org.ow2.sat4j.pb", "2.3.6"),
    ("org.tukaani", "xz", "1.9"),
    ("org.bouncycastle", "bcprov-jdk18on", "1.83"), ("org.bouncycastle", "bcpg-jdk18on", "1.83"),
    ("org.bouncycastle", "bcutil-jdk18on", "1.83"),
]
P2_UI = [  # the workbench's Help > Install New Software... and Installation Details (org.eclipse.equinox.p2.ui.sdk)
    (P, "org.eclipse.equinox.p2.ui", "2.9.100"), (P, "org.eclipse.equinox.p2.ui.sdk", "1.4.0"),
    (P, "org.eclipse.equinox.security.ui", "1.4.700"), (P, "org.eclipse.e4.ui.progress", "0.5.100"),
    # p2.ui reads local folders as repositories (extension locations) through the publisher
    (P, "org.eclipse.equinox.p2.extensionlocation", "1.5.700"), (P, "org.eclipse.equinox.p2.directorywatcher", "1.4.800"),
    (P, "org.eclipse.equinox.p2.publisher", "1.9.700"), (P, "org.eclipse.equinox.p2.publisher.eclipse", "1.6.800"),
    (P, "org.eclipse.osgi.compatibility.state", "1.3.0"),
]
JUNIT = [  # JUnit 5 for tycho-surefire's junit5 provider
    ("org.junit.jupiter", "junit-jupiter-api", "5.10.1"), ("org.junit.jupiter", "junit-jupiter-engine", "5.10.1"),
    ("org.junit.jupiter", "junit-jupiter-params", "5.10.1"),
    ("org.junit.platform", "junit-platform-commons", "1.10.1"), ("org.junit.platform", "junit-platform-engine", "1.10.1"),
    ("org.junit.platform", "junit-platform-launcher", "1.10.1"), ("org.junit.platform", "junit-platform-suite-api", "1.10.1"),
    ("org.junit.platform", "junit-platform-suite-engine", "1.10.1"), ("org.junit.platform", "junit-platform-suite-commons", "1.10.1"),
    ("org.opentest4j", "opentest4j", "1.3.0"), ("org.apiguardian", "apiguardian-api", "1.1.2"),
]
LIBS = [  # third-party libraries that already are OSGi bundles
    ("info.picocli", "picocli", "4.7.7"),
    ("com.adobe.xmp", "xmpcore", "6.1.11"),
    ("com.fasterxml.jackson.core", "jackson-core", "2.22.4"),
    ("com.fasterxml.jackson.core", "jackson-databind", "2.22.4"),
    ("com.fasterxml.jackson.core", "jackson-annotations", "2.22"),
    # hub: GraphQL, HTTP, MongoDB (official driver) and the embedded mongo-java-server's runtime
    ("com.graphql-java", "graphql-java", "24.1"), ("com.graphql-java", "java-dataloader", "5.0.0"),
    ("org.reactivestreams", "reactive-streams", "1.0.3"), ("org.jspecify", "jspecify", "1.0.0"),
    ("org.eclipse.jetty", "jetty-server", "12.1.13"), ("org.eclipse.jetty", "jetty-http", "12.1.13"),
    ("org.eclipse.jetty", "jetty-io", "12.1.13"), ("org.eclipse.jetty", "jetty-util", "12.1.13"),
    ("org.slf4j", "slf4j-api", "2.0.17"), ("org.slf4j", "slf4j-simple", "2.0.17"),
    ("org.mongodb", "mongodb-driver-sync", "5.14.0"), ("org.mongodb", "mongodb-driver-core", "5.14.0"),
    ("org.mongodb", "bson", "5.14.0"),
    ("com.h2database", "h2", "2.3.232"),
    ("io.netty", "netty-buffer", NETTY), ("io.netty", "netty-common", NETTY), ("io.netty", "netty-transport", NETTY),
    ("io.netty", "netty-handler", NETTY), ("io.netty", "netty-resolver", NETTY), ("io.netty", "netty-codec-base", NETTY),
    ("io.netty", "netty-transport-native-unix-common", NETTY),
]
# mongo-java-server: no OSGi manifest; its netty/h2/bson imports are mandatory (else they stay unwired).
# The H2 backend shares the package de.bwaldvogel.mongo with the core (split package): it becomes a
# fragment of the core, so that both halves of the package live in one class loader.
MONGO_SERVER = [("de.bwaldvogel", "mongo-java-server-core", "1.47.0")]
MONGO_H2 = [("de.bwaldvogel", "mongo-java-server-h2-backend", "1.47.0")]
MONGO_H2_INSTR = """
Bundle-Name:          Wrapped ${mvnGroupId}:${mvnArtifactId}:${mvnVersion}
version:              ${version_cleanup;${mvnVersion}}
Bundle-SymbolicName:  ${mvnGroupId}.${mvnArtifactId}
Bundle-Version:       ${version}
Fragment-Host:        de.bwaldvogel.mongo-java-server-core
Import-Package:       org.h2.*,*;resolution:=optional
Export-Package:       de.bwaldvogel.mongo.backend.h2;version="${version}";-noimport:=true
"""
MONGO_SERVER_INSTR = """
Bundle-Name:          Wrapped ${mvnGroupId}:${mvnArtifactId}:${mvnVersion}
version:              ${version_cleanup;${mvnVersion}}
Bundle-SymbolicName:  ${mvnGroupId}.${mvnArtifactId}
Bundle-Version:       ${version}
Import-Package:       io.netty.*,org.h2.*,org.bson.*,de.bwaldvogel.mongo.*,org.slf4j.*,*;resolution:=optional
Export-Package:       *;version="${version}";-noimport:=true
"""
# AWS SDK v2 (S3 + presigner + the URL-connection HTTP client, always passed explicitly): plain jars,
# resolved transitively (the SDK's own POMs pin exact versions); runtime-scope clients (apache, netty) left out
AWS = [("software.amazon.awssdk", "s3", "2.56.0"), ("software.amazon.awssdk", "url-connection-client", "2.56.0"),
       ("software.amazon.eventstream", "eventstream", "1.0.1")]
AWS_INSTR = """
Bundle-Name:          Wrapped ${mvnGroupId}:${mvnArtifactId}:${mvnVersion}
version:              ${version_cleanup;${mvnVersion}}
Bundle-SymbolicName:  ${mvnGroupId}.${mvnArtifactId}
Bundle-Version:       ${version}
Import-Package:       software.amazon.awssdk.crt.*;resolution:=optional,software.amazon.awssdk.*,software.amazon.eventstream.*,org.reactivestreams.*,org.slf4j.*;version="[1.7,3)",*;resolution:=optional
Export-Package:       *;version="${version}";-noimport:=true
"""
# Aliyun: the official OSS SDK (storage provider oss, the hub's OSS cloud) and the official STS SDK on its core
# (the hub's AssumeRole), pinned one by one (depth none): their POMs drag in tracing, RAM, KMS and JAXB runtimes
# that neither calls on these paths; BouncyCastle (bcprov, an OSGi bundle) is needed: the STS core's signer
# registers its provider when it is first loaded. Plain jars are wrapped; what they use is imported mandatorily
# (an optional import of a wrapped jar stays unwired), what they only mention (tracing, SM3) optionally.
ALIYUN = [("com.aliyun.oss", "aliyun-sdk-oss", "3.18.5"), ("com.aliyun", "aliyun-java-sdk-core", "4.7.10"),
          ("com.aliyun", "aliyun-java-sdk-sts", "3.1.2"), ("org.apache.httpcomponents", "httpclient", "4.5.13"),
          ("org.apache.httpcomponents", "httpcore", "4.4.16"), ("org.jdom", "jdom2", "2.0.6.1"),
          ("io.opentracing", "opentracing-api", "0.33.0"), ("io.opentracing", "opentracing-util", "0.33.0"),
          ("io.opentracing", "opentracing-noop", "0.33.0")]
ALIYUN_BUNDLES = [  # what they need that is an OSGi bundle already
    ("commons-codec", "commons-codec", "1.11"), ("commons-logging", "commons-logging", "1.3.4"),
    ("org.apache.commons", "commons-lang3", "3.18.0"), ("org.codehaus.jettison", "jettison", "1.5.4"),
    ("com.google.code.gson", "gson", "2.11.0"), ("javax.xml.bind", "jaxb-api", "2.3.1"),
    ("com.sun.activation", "javax.activation", "1.2.0"), ("org.bouncycastle", "bcprov-jdk18on", "1.83")]
ALIYUN_INSTR = """
Bundle-Name:          Wrapped ${mvnGroupId}:${mvnArtifactId}:${mvnVersion}
version:              ${version_cleanup;${mvnVersion}}
Bundle-SymbolicName:  ${mvnGroupId}.${mvnArtifactId}
Bundle-Version:       ${version}
Import-Package:       com.aliyun.core.*;resolution:=optional,io.opentelemetry.*;resolution:=optional,org.bouncycastle.*;resolution:=optional,org.ietf.jgss;resolution:=optional,javax.naming.*;resolution:=optional,com.aliyuncs.*;resolution:=optional,com.aliyun.*,org.apache.http.*,org.apache.commons.logging.*,org.apache.commons.codec.*,org.apache.commons.lang3.*,org.jdom2.*,org.codehaus.jettison.*,com.google.gson.*,io.opentracing.*,javax.xml.bind.*,org.slf4j.*;version="[1.7,3)",*;resolution:=optional
Export-Package:       *;version="${version}";-noimport:=true
"""
WRAPPED = [  # plain jars, wrapped by Tycho under the bundle names Eclipse expects (Orbit's names)
    ("org.apache.xmlgraphics", "batik-css", "1.19", "org.apache.batik.css"),
    ("org.apache.xmlgraphics", "batik-util", "1.19", "org.apache.batik.util"),
    ("org.apache.xmlgraphics", "batik-i18n", "1.19", "org.apache.batik.i18n"),
    ("org.apache.xmlgraphics", "batik-constants", "1.19", "org.apache.batik.constants"),
    ("org.apache.xmlgraphics", "batik-shared-resources", "1.19", "org.apache.batik.shared.resources"),
    ("org.apache.xmlgraphics", "xmlgraphics-commons", "2.11", "org.apache.xmlgraphics"),
    ("xml-apis", "xml-apis-ext", "1.3.04", "org.w3c.css.sac"),
    ("com.drewnoakes", "metadata-extractor", "2.21.0", "com.drewnoakes.metadata-extractor"),
]


def dep(g, a, v):
    return (f"        <dependency>\n          <groupId>{g}</groupId>\n          <artifactId>{a}</artifactId>\n"
            f"          <version>{v}</version>\n          <type>jar</type>\n        </dependency>\n")


def loc(label, deps, missing="error", instructions=None, depth="none"):
    s = (f'    <location type="Maven" label="{label}" includeDependencyDepth="{depth}" '
         f'includeDependencyScopes="compile" includeSource="false" missingManifest="{missing}">\n'
         "      <dependencies>\n")
    s += "".join(dep(*d) for d in deps) + "      </dependencies>\n"
    if instructions:
        s += "      <instructions><![CDATA[\n" + instructions.strip() + "\n]]></instructions>\n"
    return s + "    </location>\n"


def wrap(bsn):
    return f"""
Bundle-Name:          Wrapped ${{mvnGroupId}}:${{mvnArtifactId}}:${{mvnVersion}}
version:              ${{version_cleanup;${{mvnVersion}}}}
Bundle-SymbolicName:  {bsn}
Bundle-Version:       ${{version}}
Import-Package:       *;resolution:=optional
Export-Package:       *;version="${{version}}";-noimport:=true
"""


def main(out):
    parts = ['<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<?pde version="3.8"?>\n',
             "<!-- Generated by gen-target.py: edit that script, not this file. -->\n",
             '<target name="io.tiepoint.target (Eclipse 4.41, Maven Central)" sequenceNumber="1">\n  <locations>\n',
             loc("Eclipse 4.41 RCP", ECLIPSE), loc("p2", P2), loc("p2 UI", P2_UI), loc("JUnit 5", JUNIT), loc("Libraries", LIBS)]
    parts += [loc(f"wrapped {a}", [(g, a, v)], missing="generate", instructions=wrap(bsn)) for g, a, v, bsn in WRAPPED]
    parts.append(loc("mongo-java-server (wrapped)", MONGO_SERVER, missing="generate", instructions=MONGO_SERVER_INSTR))
    parts.append(loc("mongo-java-server H2 backend (wrapped as a fragment)", MONGO_H2, missing="generate",
                     instructions=MONGO_H2_INSTR))
    parts.append(loc("AWS SDK v2 (wrapped, transitive)", AWS, missing="generate", instructions=AWS_INSTR, depth="infinite"))
    parts.append(loc("Aliyun OSS and STS SDKs (wrapped)", ALIYUN, missing="generate", instructions=ALIYUN_INSTR))
    parts.append(loc("Aliyun SDKs' libraries", ALIYUN_BUNDLES))
    parts.append("  </locations>\n  <targetJRE path=\"org.eclipse.jdt.launching.JRE_CONTAINER/"
                 "org.eclipse.jdt.internal.debug.ui.launcher.StandardVMType/JavaSE-22\"/>\n</target>\n")
    Path(out).write_text("".join(parts), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(Path(__file__).with_name("io.tiepoint.target")))
