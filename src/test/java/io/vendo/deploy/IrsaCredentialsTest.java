package io.vendo.deploy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.WebIdentityTokenFileCredentialsProvider;

/**
 * What IRSA (the chart's {@code serviceAccount.roleArn}) relies on: EKS puts a web identity token in a file and names
 * it and the role in the environment; the SDK's default chain then uses its web identity provider, which exchanges the
 * token with STS (AssumeRoleWithWebIdentity) for the role's credentials. That provider works only when the SDK's
 * {@code sts} module is on the classpath — Vendo's, as this test runs it. STS is a WireMock answering in STS's wire
 * format.
 */
class IrsaCredentialsTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/vendo-portal";
    private static final String[] PROPERTIES = {"aws.endpointUrlSts", "aws.region"};

    private final WireMockServer sts = new WireMockServer(options().dynamicPort());
    private final Map<String, String> saved = new HashMap<>();

    @BeforeEach
    void startSts() {
        sts.start();
        for (var property : PROPERTIES) {
            saved.put(property, System.getProperty(property));
        }
        System.setProperty("aws.endpointUrlSts", sts.baseUrl());
        System.setProperty("aws.region", "eu-west-1");
    }

    @AfterEach
    void stopSts() {
        sts.stop();
        saved.forEach((property, value) -> {
            if (value == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, value);
            }
        });
    }

    @Test
    void thePodsWebIdentityTokenBecomesTheRolesCredentials(@TempDir Path directory) throws Exception {
        var token = Files.writeString(directory.resolve("token"), "eyJhbGciOiJSUzI1NiJ9.projected-by-eks.signature");
        sts.stubFor(
                post("/")
                        .withRequestBody(containing("Action=AssumeRoleWithWebIdentity"))
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "text/xml")
                                        .withBody(
                                                """
                                <AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                                  <AssumeRoleWithWebIdentityResult>
                                    <SubjectFromWebIdentityToken>system:serviceaccount:vendo:vendo</SubjectFromWebIdentityToken>
                                    <Audience>sts.amazonaws.com</Audience>
                                    <AssumedRoleUser>
                                      <Arn>arn:aws:sts::123456789012:assumed-role/vendo-portal/vendo</Arn>
                                      <AssumedRoleId>AROAVENDOEXAMPLE0001:vendo</AssumedRoleId>
                                    </AssumedRoleUser>
                                    <Credentials>
                                      <AccessKeyId>ASIAVENDOIRSA0000001</AccessKeyId>
                                      <SecretAccessKey>irsa-test-only-not-a-secret</SecretAccessKey>
                                      <SessionToken>irsa-session-token</SessionToken>
                                      <Expiration>2099-01-01T00:00:00Z</Expiration>
                                    </Credentials>
                                  </AssumeRoleWithWebIdentityResult>
                                  <ResponseMetadata><RequestId>4c1e1d2a-0000-4000-8000-000000000001</RequestId></ResponseMetadata>
                                </AssumeRoleWithWebIdentityResponse>
                                """)));

        try (var provider = WebIdentityTokenFileCredentialsProvider.builder()
                .roleArn(ROLE)
                .webIdentityTokenFile(token)
                .roleSessionName("vendo")
                .build()) {
            var credentials = provider.resolveCredentials();

            assertThat(credentials).isInstanceOf(AwsSessionCredentials.class);
            assertThat(credentials.accessKeyId()).isEqualTo("ASIAVENDOIRSA0000001");
            assertThat(((AwsSessionCredentials) credentials).sessionToken()).isEqualTo("irsa-session-token");
        }
        sts.verify(postRequestedFor(urlEqualTo("/"))
                .withRequestBody(containing("RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fvendo-portal"))
                .withRequestBody(containing("WebIdentityToken=eyJhbGciOiJSUzI1NiJ9.projected-by-eks.signature")));
    }
}
