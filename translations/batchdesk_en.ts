<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Batchdesk::Models::JobTreeModel</name>
    <message numerus="yes">
        <source>%n part(s) running, %1 waiting for a free slot</source>
        <translation>
            <numerusform>%n part running, %1 waiting for a free slot</numerusform>
            <numerusform>%n parts running, %1 waiting for a free slot</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Requests that did not succeed are retried up to %n time(s)</source>
        <translation>
            <numerusform>Requests that did not succeed are retried up to %n time</numerusform>
            <numerusform>Requests that did not succeed are retried up to %n times</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s)</source>
        <translation>
            <numerusform>%n request</numerusform>
            <numerusform>%n requests</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Batchdesk::Models::RequestsModel</name>
    <message numerus="yes">
        <source>%Ln byte(s)</source>
        <translation>
            <numerusform>%Ln byte</numerusform>
            <numerusform>%Ln bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Batchdesk::Realtime::RealtimeRunner</name>
    <message numerus="yes">
        <source>Gave up after %n attempt(s): %1</source>
        <translation>
            <numerusform>Gave up after %n attempt: %1</numerusform>
            <numerusform>Gave up after %n attempts: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Batchdesk::Results</name>
    <message numerus="yes">
        <source>embedding, %n dims</source>
        <translation>
            <numerusform>embedding, %n dim</numerusform>
            <numerusform>embedding, %n dims</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Batchdesk::Ui::BuilderDialog</name>
    <message numerus="yes">
        <source>Wrote %1 (%2 requests in %n file(s)).</source>
        <translation>
            <numerusform>Wrote %1 (%2 requests in %n file).</numerusform>
            <numerusform>Wrote %1 (%2 requests in %n files).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Submit %n batches as a &amp;job</source>
        <translation>
            <numerusform>Submit %n batch as a &amp;job</numerusform>
            <numerusform>Submit %n batches as a &amp;job</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s), %1 columns, %2-separated, %3</source>
        <translation>
            <numerusform>%Ln row, %1 columns, %2-separated, %3</numerusform>
            <numerusform>%Ln rows, %1 columns, %2-separated, %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing was written: %Ln error(s) must be fixed first.</source>
        <translation>
            <numerusform>Nothing was written: %Ln error must be fixed first.</numerusform>
            <numerusform>Nothing was written: %Ln errors must be fixed first.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s), %1 columns</source>
        <translation>
            <numerusform>%Ln row, %1 columns</numerusform>
            <numerusform>%Ln rows, %1 columns</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n answer column(s) from the JSON answers</source>
        <translation>
            <numerusform>; %n answer column from the JSON answers</numerusform>
            <numerusform>; %n answer columns from the JSON answers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n answer(s) are not JSON (their answer cells are empty)</source>
        <translation>
            <numerusform>; %n answer is not JSON (its answer cells are empty)</numerusform>
            <numerusform>; %n answers are not JSON (their answer cells are empty)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n request(s) without a successful answer left out</source>
        <translation>
            <numerusform>; %n request without a successful answer left out</numerusform>
            <numerusform>; %n requests without a successful answer left out</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Batchdesk::Ui::CostEstimateView</name>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>not bounded: %n request(s) set no max_tokens</source>
        <translation>
            <numerusform>not bounded: %n request sets no max_tokens</numerusform>
            <numerusform>not bounded: %n requests set no max_tokens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>at most %1, + %n request(s) without max_tokens</source>
        <translation>
            <numerusform>at most %1, + %n request without max_tokens</numerusform>
            <numerusform>at most %1, + %n requests without max_tokens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Includes %n image(s) at %1 tokens each (a 1024×1024 image at high detail).</source>
        <translation>
            <numerusform>Includes %n image at %1 tokens (a 1024×1024 image at high detail).</numerusform>
            <numerusform>Includes %n images at %1 tokens each (a 1024×1024 image at high detail).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Batchdesk::Ui::CreateBatchDialog</name>
    <message numerus="yes">
        <source>up to %n round(s)</source>
        <translation>
            <numerusform>up to %n round</numerusform>
            <numerusform>up to %n rounds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Batchdesk::Ui::FilesPage</name>
    <message numerus="yes">
        <source>%n uploaded input file(s) (%1) were not used by any batch: a submission failed or was interrupted after the upload.</source>
        <translation>
            <numerusform>%n uploaded input file (%1) was not used by any batch: a submission failed or was interrupted after the upload.</numerusform>
            <numerusform>%n uploaded input files (%1) were not used by any batch: a submission failed or was interrupted after the upload.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n upload(s) that no batch uses from the server?

%1</source>
        <translation>
            <numerusform>Delete %n upload that no batch uses from the server?

%1</numerusform>
            <numerusform>Delete %n uploads that no batch uses from the server?

%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Batchdesk::Ui::JobsPage</name>
    <message numerus="yes">
        <source>%n job(s)</source>
        <translation>
            <numerusform>%n job</numerusform>
            <numerusform>%n jobs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n part(s) running</source>
        <translation>
            <numerusform>%n part running</numerusform>
            <numerusform>%n parts running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting for a free slot</source>
        <translation>
            <numerusform>%n waiting for a free slot</numerusform>
            <numerusform>%n waiting for a free slot</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>at most %n batch(es) at once</source>
        <translation>
            <numerusform>at most %n batch at once</numerusform>
            <numerusform>at most %n batches at once</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting part(s) will not be submitted.</source>
        <translation>
            <numerusform>%n waiting part will not be submitted.</numerusform>
            <numerusform>%n waiting parts will not be submitted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n running batch(es) will be cancelled; finished requests keep their results.</source>
        <translation>
            <numerusform>%n running batch will be cancelled; finished requests keep their results.</numerusform>
            <numerusform>%n running batches will be cancelled; finished requests keep their results.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel part %1 of job %2? It is not submitted: its %n request(s) get no results.</source>
        <translation>
            <numerusform>Cancel part %1 of job %2? It is not submitted: its %n request gets no result.</numerusform>
            <numerusform>Cancel part %1 of job %2? It is not submitted: its %n requests get no results.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Batchdesk::Ui::MainWindow</name>
    <message numerus="yes">
        <source>Create a Job of %n Batch(es)</source>
        <translation>
            <numerusform>Create a Job of %n Batch</numerusform>
            <numerusform>Create a Job of %n Batches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Job %1: %n part(s) are submitted as the provider allows, %2 at a time.</source>
        <translation>
            <numerusform>Job %1: %n part is submitted as the provider allows, %2 at a time.</numerusform>
            <numerusform>Job %1: %n parts are submitted as the provider allows, %2 at a time.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Job %1: %n part(s) are being submitted, one upload after the other.</source>
        <translation>
            <numerusform>Job %1: %n part is being submitted.</numerusform>
            <numerusform>Job %1: %n parts are being submitted, one upload after the other.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel every running batch of %1 (%n batch(es)) and the parts still waiting? Finished requests keep their results.</source>
        <translation>
            <numerusform>Cancel every running batch of %1 (%n batch) and the parts still waiting? Finished requests keep their results.</numerusform>
            <numerusform>Cancel every running batch of %1 (%n batches) and the parts still waiting? Finished requests keep their results.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt; — %2 requests in %n batch(es)</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; — %2 requests in %n batch</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; — %2 requests in %n batches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Job %1 goes to %2: its %n part(s) are submitted as soon as the account is connected.</source>
        <translation>
            <numerusform>Job %1 goes to %2: its %n part is submitted as soon as the account is connected.</numerusform>
            <numerusform>Job %1 goes to %2: its %n parts are submitted as soon as the account is connected.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Batchdesk::Ui::RealtimeFallbackDialog</name>
    <message numerus="yes">
        <source>The running batches of this job are cancelled; their finished answers are kept; the %n request(s) without a result run on %1.</source>
        <translation>
            <numerusform>The running batches of this job are cancelled; their finished answers are kept; the %n request without a result runs on %1.</numerusform>
            <numerusform>The running batches of this job are cancelled; their finished answers are kept; the %n requests without a result run on %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n request(s) of this job without a result run on %1; the answers the job has are kept.</source>
        <translation>
            <numerusform>The %n request of this job without a result runs on %1; the answers the job has are kept.</numerusform>
            <numerusform>The %n requests of this job without a result run on %1; the answers the job has are kept.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Batchdesk::Ui::ResultsPage</name>
    <message numerus="yes">
        <source>Results of %1 (%n batch(es))</source>
        <translation>
            <numerusform>Results of %1 (%n batch)</numerusform>
            <numerusform>Results of %1 (%n batches)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n resubmit(s) joined; each request shows its latest result</source>
        <translation>
            <numerusform>%n resubmit joined; each request shows its latest result</numerusform>
            <numerusform>%n resubmits joined; each request shows its latest result</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln request(s)</source>
        <translation>
            <numerusform>%Ln request</numerusform>
            <numerusform>%Ln requests</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln result(s) for requests not in this input, listed last and not counted</source>
        <translation>
            <numerusform>%Ln result for a request not in this input, listed last and not counted</numerusform>
            <numerusform>%Ln results for requests not in this input, listed last and not counted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln result line(s) repeat a custom_id of the same file; the last one is shown</source>
        <translation>
            <numerusform>%Ln result line repeats a custom_id of the same file; the last one is shown</numerusform>
            <numerusform>%Ln result lines repeat a custom_id of the same file; the last one is shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Input %1 and %n more part(s)</source>
        <translation>
            <numerusform>Input %1 and %n more part</numerusform>
            <numerusform>Input %1 and %n more parts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln column(s) from the request&apos;s schema</source>
        <translation>
            <numerusform>%Ln column from the request&apos;s schema</numerusform>
            <numerusform>%Ln columns from the request&apos;s schema</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln column(s) from the answers</source>
        <translation>
            <numerusform>%Ln column from the answers</numerusform>
            <numerusform>%Ln columns from the answers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s)&apos; JSON did not parse</source>
        <translation>
            <numerusform>%Ln row&apos;s JSON did not parse</numerusform>
            <numerusform>%Ln rows&apos; JSON did not parse</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stage %1: %Ln request(s) with a previous response</source>
        <translation>
            <numerusform>Stage %1: %Ln request with a previous response</numerusform>
            <numerusform>Stage %1: %Ln requests with a previous response</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Batchdesk::Ui::ValidationPage</name>
    <message numerus="yes">
        <source>Split into %Ln Batches and Submit…</source>
        <translation>
            <numerusform>Split into %Ln Batch and Submit…</numerusform>
            <numerusform>Split into %Ln Batches and Submit…</numerusform>
        </translation>
    </message>
</context>
</TS>
