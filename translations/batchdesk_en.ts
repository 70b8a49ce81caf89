<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
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
    <name>Batchdesk::Ui::AppController</name>
    <message numerus="yes">
        <source>Job %1 stopped at %2: %3. The parts already created keep running; submit the remaining %n part(s) again from the Validate view.</source>
        <translation>
            <numerusform>Job %1 stopped at %2: %3. The parts already created keep running; submit the remaining %n part again from the Validate view.</numerusform>
            <numerusform>Job %1 stopped at %2: %3. The parts already created keep running; submit the remaining %n parts again from the Validate view.</numerusform>
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
    <name>Batchdesk::Ui::MainWindow</name>
    <message numerus="yes">
        <source>Create a Job of %n Batch(es)</source>
        <translation>
            <numerusform>Create a Job of %n Batch</numerusform>
            <numerusform>Create a Job of %n Batches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt; — %2 requests in %n batch(es), sent to &lt;b&gt;%3&lt;/b&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; — %2 requests in %n batch, sent to &lt;b&gt;%3&lt;/b&gt;</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; — %2 requests in %n batches, sent to &lt;b&gt;%3&lt;/b&gt;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Submitting %n part(s) as %1, one after the other.</source>
        <translation>
            <numerusform>Submitting %n part as %1.</numerusform>
            <numerusform>Submitting %n parts as %1, one after the other.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel every running batch of %1 (%n batch(es))? Finished requests keep their results.</source>
        <translation>
            <numerusform>Cancel every running batch of %1 (%n batch)? Finished requests keep their results.</numerusform>
            <numerusform>Cancel every running batch of %1 (%n batches)? Finished requests keep their results.</numerusform>
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
