package org.saypro.dcop.verifier;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * @param developmentMode allows plain-http did:web on localhost ({@code DCOP_DEVELOPMENT_MODE}); never in production
 * @param maxJsonBytes the largest JSON request body accepted
 * @param didConnectTimeout how long to wait for a did:web host to accept a connection
 * @param didReadTimeout how long a whole did:web document fetch may take
 * @param didMaxBytes the largest DID document accepted
 * @param didCacheTtl how long a resolved DID document is reused
 * @param statusCacheTtl how long a status list fetched from another issuer is reused
 */
@ConfigurationProperties("dcop")
public record VerifierSettings(
    boolean developmentMode,
    int maxJsonBytes,
    Duration didConnectTimeout,
    Duration didReadTimeout,
    int didMaxBytes,
    Duration didCacheTtl,
    Duration statusCacheTtl) {}
