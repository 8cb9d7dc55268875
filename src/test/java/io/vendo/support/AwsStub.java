package io.vendo.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An HTTP server that answers as AWS does on the wire, for the SDK's real clients: CloudFormation and STS speak the
 * query protocol (form-encoded POST, XML responses). One server for the whole run, so that every live-mode test class
 * shares one Spring context; tests {@link #reset()} it.
 */
public final class AwsStub {

    public static final String ACCOUNT = "111122223333";
    public static final String ASSUMED_ACCESS_KEY = "ASIAVENDOASSUMED0001";
    private static final String CFN_NS = "http://cloudformation.amazonaws.com/doc/2010-05-15/";
    private static final String EC2_NS = "http://ec2.amazonaws.com/doc/2016-11-15/";

    private static final CloudFormationSimulator simulator = new CloudFormationSimulator();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static WireMockServer server;

    private AwsStub() {}

    public static synchronized WireMockServer server() {
        if (server == null) {
            // Enough threads to hold many responses at once (fault and benchmark runs keep dozens open).
            server = new WireMockServer(
                    options().dynamicPort().containerThreads(200).extensions(simulator));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
            stubCallerIdentity();
        }
        return server;
    }

    public static String endpoint() {
        return "http://localhost:" + server().port();
    }

    public static void reset() {
        server().resetAll();
        simulator.reset();
        stubCallerIdentity();
    }

    /**
     * STS GetCallerIdentity accepts the portal's credentials, at the lowest priority: the portal's reachability probe
     * asks it all the time, and any test can stub it otherwise (the simulator answers it too).
     */
    private static void stubCallerIdentity() {
        server.stubFor(post(urlEqualTo("/"))
                .atPriority(10)
                .withRequestBody(containing("Action=GetCallerIdentity"))
                .willReturn(xml(
                        200,
                        """
                        <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                          <GetCallerIdentityResult>
                            <Arn>arn:aws:iam::%1$s:user/vendo-portal</Arn>
                            <UserId>AIDAVENDOPORTAL0001</UserId>
                            <Account>%1$s</Account>
                          </GetCallerIdentityResult>
                          <ResponseMetadata><RequestId>sts-identity</RequestId></ResponseMetadata>
                        </GetCallerIdentityResponse>"""
                                .formatted(ACCOUNT))));
    }

    /**
     * Lets the stateful {@link CloudFormationSimulator} answer every CloudFormation and STS call (instead of the
     * scripted stubs below), and returns it for settings and measurements.
     */
    public static CloudFormationSimulator simulate() {
        server().stubFor(post(urlEqualTo("/")).willReturn(aResponse().withTransformers(CloudFormationSimulator.NAME)));
        return simulator;
    }

    public static void stubAssumeRole() {
        server().stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=AssumeRole"))
                .willReturn(xml(
                        200,
                        """
                        <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                          <AssumeRoleResult>
                            <Credentials>
                              <AccessKeyId>%s</AccessKeyId>
                              <SecretAccessKey>assumed-secret</SecretAccessKey>
                              <SessionToken>assumed-session-token</SessionToken>
                              <Expiration>2099-01-01T00:00:00Z</Expiration>
                            </Credentials>
                            <AssumedRoleUser>
                              <Arn>arn:aws:sts::111122223333:assumed-role/VendoExecution/vendo</Arn>
                              <AssumedRoleId>AROAVENDO:vendo</AssumedRoleId>
                            </AssumedRoleUser>
                          </AssumeRoleResult>
                          <ResponseMetadata><RequestId>sts-1</RequestId></ResponseMetadata>
                        </AssumeRoleResponse>"""
                                .formatted(ASSUMED_ACCESS_KEY))));
    }

    public static void stubCreateStack(String stackId) {
        server().stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=CreateStack"))
                .willReturn(xml(
                        200,
                        """
                        <CreateStackResponse xmlns="%s">
                          <CreateStackResult><StackId>%s</StackId></CreateStackResult>
                          <ResponseMetadata><RequestId>cfn-create</RequestId></ResponseMetadata>
                        </CreateStackResponse>"""
                                .formatted(CFN_NS, stackId))));
    }

    public static void stubCreateStackError(int status, String code, String message) {
        server().stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=CreateStack"))
                .willReturn(xml(status, error(code, message))));
    }

    /**
     * DescribeStacks answers with each status in turn (the last one from then on); {@code outputs} come with the last.
     */
    public static void stubDescribeStacks(String stackId, Map<String, String> outputs, String... statuses) {
        for (int i = 0; i < statuses.length; i++) {
            var state = i == 0 ? Scenario.STARTED : "poll-" + i;
            var last = i == statuses.length - 1;
            var stub = post(urlEqualTo("/"))
                    .withRequestBody(containing("Action=DescribeStacks"))
                    .inScenario("describe-stacks")
                    .whenScenarioStateIs(state)
                    .willReturn(xml(200, describeStacks(stackId, statuses[i], last ? outputs : Map.of())));
            server().stubFor(last ? stub : stub.willSetStateTo("poll-" + (i + 1)));
        }
    }

    /** Events newest first, as CloudFormation returns them: {logicalId, status, reason, timestamp}. */
    public static void stubDescribeStackEvents(String stackId, List<String[]> events) {
        var members = events.stream()
                .map(event ->
                        """
                        <member>
                          <EventId>%s-%s</EventId>
                          <StackId>%s</StackId>
                          <StackName>stack</StackName>
                          <LogicalResourceId>%s</LogicalResourceId>
                          <ResourceStatus>%s</ResourceStatus>
                          <ResourceStatusReason>%s</ResourceStatusReason>
                          <Timestamp>%s</Timestamp>
                        </member>"""
                                .formatted(event[0], event[1], stackId, event[0], event[1], event[2], event[3]))
                .collect(Collectors.joining());
        server().stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=DescribeStackEvents"))
                .willReturn(xml(
                        200,
                        """
                        <DescribeStackEventsResponse xmlns="%s">
                          <DescribeStackEventsResult><StackEvents>%s</StackEvents></DescribeStackEventsResult>
                          <ResponseMetadata><RequestId>cfn-events</RequestId></ResponseMetadata>
                        </DescribeStackEventsResponse>"""
                                .formatted(CFN_NS, members))));
    }

    public static void stubCreateChangeSet(String changeSetId, String stackId) {
        server().stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=CreateChangeSet"))
                .inScenario("create-change-set")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(createChangeSet(changeSetId, stackId)));
    }

    /** The first CreateChangeSet reaches AWS, but its response is lost (the connection resets); AWS has the change set. */
    public static void stubCreateChangeSetResponseLost(String changeSetId, String stackId) {
        server().stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=CreateChangeSet"))
                .inScenario("create-change-set")
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("created")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        server().stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=CreateChangeSet"))
                .inScenario("create-change-set")
                .whenScenarioStateIs("created")
                .willReturn(xml(400, error("AlreadyExistsException", "ChangeSet already exists"))));
    }

    public static void stubCreateChangeSetError(int status, String code, String message) {
        server().stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=CreateChangeSet"))
                .willReturn(xml(status, error(code, message))));
    }

    /**
     * DescribeChangeSet answers with each status in turn (the last from then on); {@code changes} are {action,
     * logicalId, type, replacement} and come with the last; {@code reason} is the last one's StatusReason.
     */
    public static void stubDescribeChangeSet(
            String changeSetId, String stackId, List<String[]> changes, String reason, String... statuses) {
        for (int i = 0; i < statuses.length; i++) {
            var state = i == 0 ? Scenario.STARTED : "change-set-" + i;
            var last = i == statuses.length - 1;
            var stub = post(urlEqualTo("/"))
                    .withRequestBody(containing("Action=DescribeChangeSet"))
                    .inScenario("describe-change-set")
                    .whenScenarioStateIs(state)
                    .willReturn(xml(
                            200,
                            describeChangeSet(
                                    changeSetId,
                                    stackId,
                                    statuses[i],
                                    last && "CREATE_COMPLETE".equals(statuses[i]) ? "AVAILABLE" : "UNAVAILABLE",
                                    last ? reason : "",
                                    last ? changes : List.of())));
            server().stubFor(last ? stub : stub.willSetStateTo("change-set-" + (i + 1)));
        }
    }

    public static void stubExecuteChangeSet() {
        server().stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=ExecuteChangeSet"))
                .willReturn(xml(
                        200,
                        """
                        <ExecuteChangeSetResponse xmlns="%s">
                          <ExecuteChangeSetResult/>
                          <ResponseMetadata><RequestId>cfn-execute</RequestId></ResponseMetadata>
                        </ExecuteChangeSetResponse>"""
                                .formatted(CFN_NS))));
    }

    public static void stubUpdateTerminationProtection(String stackId) {
        server().stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=UpdateTerminationProtection"))
                .willReturn(xml(
                        200,
                        """
                        <UpdateTerminationProtectionResponse xmlns="%s">
                          <UpdateTerminationProtectionResult><StackId>%s</StackId></UpdateTerminationProtectionResult>
                          <ResponseMetadata><RequestId>cfn-protect</RequestId></ResponseMetadata>
                        </UpdateTerminationProtectionResponse>"""
                                .formatted(CFN_NS, stackId))));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder createChangeSet(
            String changeSetId, String stackId) {
        return xml(
                200,
                """
                <CreateChangeSetResponse xmlns="%s">
                  <CreateChangeSetResult><Id>%s</Id><StackId>%s</StackId></CreateChangeSetResult>
                  <ResponseMetadata><RequestId>cfn-create-change-set</RequestId></ResponseMetadata>
                </CreateChangeSetResponse>"""
                        .formatted(CFN_NS, changeSetId, stackId));
    }

    private static String describeChangeSet(
            String changeSetId,
            String stackId,
            String status,
            String executionStatus,
            String reason,
            List<String[]> changes) {
        var members = changes.stream()
                .map(change ->
                        """
                        <member>
                          <Type>Resource</Type>
                          <ResourceChange>
                            <Action>%s</Action>
                            <LogicalResourceId>%s</LogicalResourceId>
                            <ResourceType>%s</ResourceType>
                            <Replacement>%s</Replacement>
                            <Scope/>
                            <Details/>
                          </ResourceChange>
                        </member>"""
                                .formatted(change[0], change[1], change[2], change[3]))
                .collect(Collectors.joining());
        return """
                <DescribeChangeSetResponse xmlns="%s">
                  <DescribeChangeSetResult>
                    <ChangeSetName>change-set</ChangeSetName>
                    <ChangeSetId>%s</ChangeSetId>
                    <StackId>%s</StackId>
                    <StackName>stack</StackName>
                    <Status>%s</Status>
                    <ExecutionStatus>%s</ExecutionStatus>
                    <StatusReason>%s</StatusReason>
                    <CreationTime>2026-11-23T10:00:00Z</CreationTime>
                    <Changes>%s</Changes>
                  </DescribeChangeSetResult>
                  <ResponseMetadata><RequestId>cfn-describe-change-set</RequestId></ResponseMetadata>
                </DescribeChangeSetResponse>"""
                .formatted(CFN_NS, changeSetId, stackId, status, executionStatus, reason, members);
    }

    /** A JSON 1.1 service (Service Catalog, Organizations) answers this operation with this status and body. */
    public static void stubJson(String target, int status, String body) {
        server().stubFor(post(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(target))
                .willReturn(json(status, body)));
    }

    /**
     * A JSON 1.1 service answers this operation, for requests whose body holds these fields (other fields and array
     * order ignored), with this status and body.
     */
    public static void stubJson(String target, String requestFields, int status, String body) {
        server().stubFor(post(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(target))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.equalToJson(requestFields, true, true))
                .willReturn(json(status, body)));
    }

    /** The operation answers with each body in turn (the last one from then on). */
    public static void stubJsonSequence(String target, String... bodies) {
        for (int i = 0; i < bodies.length; i++) {
            var state = i == 0 ? Scenario.STARTED : target + "-" + i;
            var last = i == bodies.length - 1;
            var stub = post(urlEqualTo("/"))
                    .withHeader("X-Amz-Target", equalTo(target))
                    .inScenario(target)
                    .whenScenarioStateIs(state)
                    .willReturn(json(200, bodies[i]));
            server().stubFor(last ? stub : stub.willSetStateTo(target + "-" + (i + 1)));
        }
    }

    /** The first call reaches AWS but its response is lost (the connection resets); later calls get {@code then}. */
    public static void stubJsonResponseLost(String target, int status, String then) {
        server().stubFor(post(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(target))
                .inScenario(target + "-lost")
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("sent")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        server().stubFor(post(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(target))
                .inScenario(target + "-lost")
                .whenScenarioStateIs("sent")
                .willReturn(json(status, then)));
    }

    /** A JSON 1.1 error as AWS sends it. */
    public static String jsonError(String code, String message) {
        return "{\"__type\":\"%s\",\"message\":\"%s\"}".formatted(code, message);
    }

    /** The JSON 1.1 requests AWS received for one operation (e.g. {@code AWS242ServiceCatalogService.ProvisionProduct}). */
    public static List<LoggedRequest> receivedJson(String target) {
        return server().findAll(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target)));
    }

    public static JsonNode body(LoggedRequest request) {
        return JSON.readTree(request.getBodyAsString());
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        var response = aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody(body);
        if (status >= 400) {
            response.withHeader(
                    "x-amzn-ErrorType", JSON.readTree(body).path("__type").asString());
        }
        return response;
    }

    /** A query-protocol (CloudFormation) action answers with this result. */
    public static void stubQuery(String action, String result) {
        server().stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=" + action + "&"))
                .willReturn(xml(200, queryResponse(action, result))));
    }

    /** The action answers with each result in turn (the last one from then on). */
    public static void stubQuerySequence(String action, String... results) {
        for (int i = 0; i < results.length; i++) {
            var state = i == 0 ? Scenario.STARTED : action + "-" + i;
            var last = i == results.length - 1;
            var stub = post(urlEqualTo("/"))
                    .withRequestBody(containing("Action=" + action + "&"))
                    .inScenario(action)
                    .whenScenarioStateIs(state)
                    .willReturn(xml(200, queryResponse(action, results[i])));
            server().stubFor(last ? stub : stub.willSetStateTo(action + "-" + (i + 1)));
        }
    }

    public static void stubQueryError(String action, int status, String code, String message) {
        server().stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=" + action + "&"))
                .willReturn(xml(status, error(code, message))));
    }

    private static String queryResponse(String action, String result) {
        return """
                <%1$sResponse xmlns="%2$s">
                  <%1$sResult>%3$s</%1$sResult>
                  <ResponseMetadata><RequestId>cfn-%1$s</RequestId></ResponseMetadata>
                </%1$sResponse>"""
                .formatted(action, CFN_NS, result);
    }

    /** The first call fails with this status and body; later calls get {@code then}. */
    public static void stubJsonFailingFirst(String target, int status, String firstBody, String then) {
        server().stubFor(post(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(target))
                .inScenario(target + "-failing-first")
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("failed")
                .willReturn(json(status, firstBody)));
        server().stubFor(post(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(target))
                .inScenario(target + "-failing-first")
                .whenScenarioStateIs("failed")
                .willReturn(json(200, then)));
    }

    /** The requests AWS received for one action, in order. */
    /** ValidateTemplate accepts the template and asks for these capabilities (comma-separated, may be empty). */
    public static void stubValidateTemplate(String capabilities, String reason) {
        var members = capabilities.isEmpty()
                ? ""
                : Arrays.stream(capabilities.split(","))
                        .map(capability -> "<member>" + capability + "</member>")
                        .collect(Collectors.joining());
        server().stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=ValidateTemplate"))
                .willReturn(xml(
                        200,
                        """
                        <ValidateTemplateResponse xmlns="%s">
                          <ValidateTemplateResult>
                            <Parameters/>
                            <Capabilities>%s</Capabilities>
                            <CapabilitiesReason>%s</CapabilitiesReason>
                          </ValidateTemplateResult>
                          <ResponseMetadata><RequestId>cfn-validate</RequestId></ResponseMetadata>
                        </ValidateTemplateResponse>"""
                                .formatted(CFN_NS, members, reason))));
    }

    /** ValidateTemplate refuses the template as CloudFormation does: 400 ValidationError. */
    public static void stubValidateTemplateError(String message) {
        server().stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=ValidateTemplate"))
                .willReturn(xml(400, error("ValidationError", message))));
    }

    /** GetTemplateSummary reports these {@code <member>} parameter declarations. */
    public static void stubGetTemplateSummary(String parameterMembers) {
        server().stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=GetTemplateSummary"))
                .willReturn(xml(
                        200,
                        """
                        <GetTemplateSummaryResponse xmlns="%s">
                          <GetTemplateSummaryResult>
                            <Parameters>%s</Parameters>
                            <Version>2010-09-09</Version>
                          </GetTemplateSummaryResult>
                          <ResponseMetadata><RequestId>cfn-summary</RequestId></ResponseMetadata>
                        </GetTemplateSummaryResponse>"""
                                .formatted(CFN_NS, parameterMembers))));
    }

    /** DescribeVpcs in EC2's query protocol: {@code vpcs} maps each VPC id to its Name tag. */
    public static void stubDescribeVpcs(Map<String, String> vpcs) {
        var items = vpcs.entrySet().stream()
                .map(vpc -> "<item><vpcId>%s</vpcId><state>available</state>%s</item>"
                        .formatted(vpc.getKey(), nameTag(vpc.getValue())))
                .collect(Collectors.joining());
        server().stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=DescribeVpcs"))
                .willReturn(xml(
                        200,
                        """
                        <DescribeVpcsResponse xmlns="%s">
                          <requestId>ec2-vpcs</requestId>
                          <vpcSet>%s</vpcSet>
                        </DescribeVpcsResponse>"""
                                .formatted(EC2_NS, items))));
    }

    /** DescribeSubnets in EC2's query protocol: each {subnetId, vpcId, availabilityZone, Name tag}. */
    public static void stubDescribeSubnets(List<String[]> subnets) {
        var items = subnets.stream()
                .map(subnet ->
                        "<item><subnetId>%s</subnetId><vpcId>%s</vpcId><availabilityZone>%s</availabilityZone>%s</item>"
                                .formatted(subnet[0], subnet[1], subnet[2], nameTag(subnet[3])))
                .collect(Collectors.joining());
        server().stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=DescribeSubnets"))
                .willReturn(xml(
                        200,
                        """
                        <DescribeSubnetsResponse xmlns="%s">
                          <requestId>ec2-subnets</requestId>
                          <subnetSet>%s</subnetSet>
                        </DescribeSubnetsResponse>"""
                                .formatted(EC2_NS, items))));
    }

    private static String nameTag(String name) {
        return "<tagSet><item><key>Name</key><value>%s</value></item></tagSet>".formatted(name);
    }

    public static List<LoggedRequest> received(String action) {
        return server().findAll(
                        postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=" + action + "&")));
    }

    /** A query-protocol request's form fields. */
    public static Map<String, String> form(LoggedRequest request) {
        return Arrays.stream(request.getBodyAsString().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(
                        pair -> decode(pair[0]),
                        pair -> pair.length > 1 ? decode(pair[1]) : "",
                        (a, b) -> b,
                        LinkedHashMap::new));
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static String describeStacks(String stackId, String status, Map<String, String> outputs) {
        var members = outputs.entrySet().stream()
                .map(output -> "<member><OutputKey>%s</OutputKey><OutputValue>%s</OutputValue></member>"
                        .formatted(output.getKey(), output.getValue()))
                .collect(Collectors.joining());
        return """
                <DescribeStacksResponse xmlns="%s">
                  <DescribeStacksResult>
                    <Stacks>
                      <member>
                        <StackName>stack</StackName>
                        <StackId>%s</StackId>
                        <CreationTime>2026-11-23T10:00:00Z</CreationTime>
                        <StackStatus>%s</StackStatus>
                        <Outputs>%s</Outputs>
                      </member>
                    </Stacks>
                  </DescribeStacksResult>
                  <ResponseMetadata><RequestId>cfn-describe</RequestId></ResponseMetadata>
                </DescribeStacksResponse>"""
                .formatted(CFN_NS, stackId, status, members);
    }

    private static String error(String code, String message) {
        return """
                <ErrorResponse xmlns="%s">
                  <Error><Type>Sender</Type><Code>%s</Code><Message>%s</Message></Error>
                  <RequestId>cfn-error</RequestId>
                </ErrorResponse>"""
                .formatted(CFN_NS, code, message);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder xml(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "text/xml")
                .withBody(body);
    }
}
