package io.vendo.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What counts as AWS configuration: the sources the SDK's default chain reads, found without asking AWS. */
class AwsConfigurationTest {

    @TempDir
    Path home;

    @Test
    void nothingConfiguredIsNothing() {
        var found = AwsConfiguration.detect(Map.of("HOME", home.toString()), new Properties(), null);

        assertThat(found.present()).isFalse();
        assertThat(found.describe()).isEqualTo("nothing");
    }

    @Test
    void eachSourceOfTheDefaultChainCountsAndNamesNoSecret() throws Exception {
        var system = new Properties();
        system.setProperty("aws.accessKeyId", "AKIAEXAMPLE");
        system.setProperty("aws.secretAccessKey", "do-not-print-me");

        assertThat(AwsConfiguration.detect(Map.of("HOME", home.toString()), system, null)
                        .describe())
                .isEqualTo("access keys in the system properties aws.accessKeyId/aws.secretAccessKey")
                .doesNotContain("do-not-print-me", "AKIAEXAMPLE");
        assertThat(AwsConfiguration.detect(
                                Map.of(
                                        "HOME",
                                        home.toString(),
                                        "AWS_ACCESS_KEY_ID",
                                        "AKIA",
                                        "AWS_SECRET_ACCESS_KEY",
                                        "s"),
                                new Properties(),
                                null)
                        .sources())
                .containsExactly("access keys in the environment (AWS_ACCESS_KEY_ID)");
        assertThat(AwsConfiguration.detect(
                                Map.of(
                                        "HOME",
                                        home.toString(),
                                        "AWS_WEB_IDENTITY_TOKEN_FILE",
                                        "/var/run/secrets/eks.amazonaws.com/serviceaccount/token",
                                        "AWS_ROLE_ARN",
                                        "arn:aws:iam::111122223333:role/vendo"),
                                new Properties(),
                                null)
                        .sources())
                .containsExactly("a web identity token (AWS_WEB_IDENTITY_TOKEN_FILE, AWS_ROLE_ARN)");
        assertThat(AwsConfiguration.detect(
                                Map.of("HOME", home.toString(), "AWS_PROFILE", "platform"), new Properties(), null)
                        .sources())
                .containsExactly("the profile platform");
        assertThat(AwsConfiguration.detect(
                                Map.of("HOME", home.toString(), "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/v2/creds"),
                                new Properties(),
                                null)
                        .sources())
                .containsExactly("container credentials (AWS_CONTAINER_CREDENTIALS_*)");
        assertThat(AwsConfiguration.detect(Map.of("HOME", home.toString()), new Properties(), "http://localhost:4566")
                        .sources())
                .containsExactly("endpoint http://localhost:4566");

        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), "[profile sso]\nsso_session = corp\n");
        assertThat(AwsConfiguration.detect(Map.of("HOME", home.toString()), new Properties(), null)
                        .sources())
                .containsExactly("the profile file " + home.resolve(".aws/config"));
        var elsewhere = Files.writeString(home.resolve("credentials.ini"), "[default]\n");
        assertThat(AwsConfiguration.detect(
                                Map.of(
                                        "HOME",
                                        home.resolve("nowhere").toString(),
                                        "AWS_SHARED_CREDENTIALS_FILE",
                                        elsewhere.toString()),
                                new Properties(),
                                null)
                        .sources())
                .containsExactly("the profile file " + elsewhere);
    }

    @Test
    void aChainThatFindsNoCredentialsIsExplainedByTheProvidersWhoseSourcesAreSet() {
        var message = "Unable to load credentials from any of the providers in the chain AwsCredentialsProviderChain("
                + "credentialsProviders=[SystemPropertyCredentialsProvider(), ProfileCredentialsProvider(profileName=x)])"
                + " : [SystemPropertyCredentialsProvider(): Unable to load credentials from system settings. Access key"
                + " must be specified either via environment variable (AWS_ACCESS_KEY_ID) or system property"
                + " (aws.accessKeyId)., WebIdentityTokenCredentialsProvider(): Either the environment variable"
                + " AWS_WEB_IDENTITY_TOKEN_FILE or the javaproperty aws.webIdentityTokenFile must be set.,"
                + " ProfileCredentialsProvider(profileName=vendo-missing, profileFile=ProfileFile(sections=[profiles],"
                + " profiles=[Profile(name=other, properties=[region])])): Profile file contained no credentials for"
                + " profile 'vendo-missing': ProfileFile(sections=[profiles], profiles=[Profile(name=other,"
                + " properties=[region])]), ContainerCredentialsProvider(): Cannot fetch credentials from container -"
                + " neither AWS_CONTAINER_CREDENTIALS_FULL_URI or AWS_CONTAINER_CREDENTIALS_RELATIVE_URI environment"
                + " variables are set., InstanceProfileCredentialsProvider(): IMDS credential fetching is disabled]";

        assertThat(AwsReachability.reasonOf(message))
                .isEqualTo("its credentials do not resolve: ProfileCredentialsProvider: Profile file contained no"
                        + " credentials for profile 'vendo-missing'");
        assertThat(AwsReachability.reasonOf("The security token included in the request is invalid. (Service: Sts)"))
                .isEqualTo("The security token included in the request is invalid. (Service: Sts)");
    }
}
