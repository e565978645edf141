package com.personacomposer.devstack.s3;

import com.personacomposer.devstack.Infrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;

/**
 * An S3-compatible server (s3proxy) that checks AWS signatures and presigned-URL expiry like S3 does.
 * Transient for tests, a directory for local runs; the services' bucket is created at start.
 */
public final class S3Server implements AutoCloseable {

    private final S3Proxy proxy;

    private S3Server(S3Proxy proxy) {
        this.proxy = proxy;
    }

    public static S3Server transientStore(int port) {
        return start("transient", new Properties(), port);
    }

    public static S3Server onDirectory(int port, Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Properties props = new Properties();
        props.setProperty("jclouds.filesystem.basedir", dir.toAbsolutePath().toString());
        return start("filesystem", props, port);
    }

    private static S3Server start(String provider, Properties props, int port) {
        props.setProperty("jclouds.identity", Infrastructure.ACCESS_KEY);
        props.setProperty("jclouds.credential", Infrastructure.SECRET_KEY);
        BlobStore store = BlobStores.create(provider, props);
        if (!store.containerExists(Infrastructure.BUCKET)) {
            store.createContainer(Infrastructure.BUCKET);
        }
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, Infrastructure.ACCESS_KEY, Infrastructure.SECRET_KEY)
                .build();
        try {
            proxy.start();
            while (!"STARTED".equals(proxy.getState())) {
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting s3proxy", e);
        } catch (Exception e) {
            throw new IllegalStateException("s3proxy did not start on port " + port, e);
        }
        return new S3Server(proxy);
    }

    public String endpoint() {
        return "http://127.0.0.1:" + proxy.getPort();
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("s3proxy did not stop", e);
        }
    }
}
