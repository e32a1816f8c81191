<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>tp::BookEditor</name>
    <message numerus="yes">
        <source>Set revenue potential of %n account(s)</source>
        <translation>
            <numerusform>Set revenue potential of %n account</numerusform>
            <numerusform>Set revenue potential of %n accounts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Clear revenue potential of %n account(s)</source>
        <translation>
            <numerusform>Clear revenue potential of %n account</numerusform>
            <numerusform>Clear revenue potential of %n accounts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Assign account “%1” and its %n open deal(s) to %2</source>
        <translation>
            <numerusform>Assign account “%1” and its %n open deal to %2</numerusform>
            <numerusform>Assign account “%1” and its %n open deals to %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Assign %n account(s) and their open deals to %1</source>
        <translation>
            <numerusform>Assign %n account and its open deals to %1</numerusform>
            <numerusform>Assign %n accounts and their open deals to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Assign %n account(s) to %1</source>
        <translation>
            <numerusform>Assign %n account to %1</numerusform>
            <numerusform>Assign %n accounts to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %n account(s) to territory %1</source>
        <translation>
            <numerusform>Move %n account to territory %1</numerusform>
            <numerusform>Move %n accounts to territory %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Take %n account(s) out of their territories</source>
        <translation>
            <numerusform>Take %n account out of its territory</numerusform>
            <numerusform>Take %n accounts out of their territories</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Set stage of %n deal(s) to %1</source>
        <translation>
            <numerusform>Set stage of %n deal to %1</numerusform>
            <numerusform>Set stage of %n deals to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mark lost: %n deal(s)</source>
        <translation>
            <numerusform>Mark lost: %n deal</numerusform>
            <numerusform>Mark lost: %n deals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Push close date: %n deal(s)</source>
        <translation>
            <numerusform>Push close date: %n deal</numerusform>
            <numerusform>Push close date: %n deals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Set probability of %n deal(s)</source>
        <translation>
            <numerusform>Set probability of %n deal</numerusform>
            <numerusform>Set probability of %n deals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Clear %n probability override(s)</source>
        <translation>
            <numerusform>Clear %n probability override</numerusform>
            <numerusform>Clear %n probability overrides</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Assign %n deal(s) to %1</source>
        <translation>
            <numerusform>Assign %n deal to %1</numerusform>
            <numerusform>Assign %n deals to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Set next step: %n deal(s)</source>
        <translation>
            <numerusform>Set next step: %n deal</numerusform>
            <numerusform>Set next step: %n deals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Set next activity: %n deal(s)</source>
        <translation>
            <numerusform>Set next activity: %n deal</numerusform>
            <numerusform>Set next activity: %n deals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Change capacity of %n rep(s)</source>
        <translation>
            <numerusform>Change capacity of %n rep</numerusform>
            <numerusform>Change capacity of %n reps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Default capacity for %n rep(s)</source>
        <translation>
            <numerusform>Default capacity for %n rep</numerusform>
            <numerusform>Default capacity for %n reps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Change %1 quota of %n rep(s)</source>
        <translation>
            <numerusform>Change %1 quota of %n rep</numerusform>
            <numerusform>Change %1 quota of %n reps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %1 quota of %n rep(s)</source>
        <translation>
            <numerusform>Remove %1 quota of %n rep</numerusform>
            <numerusform>Remove %1 quota of %n reps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Call %n deal(s) %1</source>
        <translation>
            <numerusform>Call %n deal %1</numerusform>
            <numerusform>Call %n deals %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Clear %n forecast call(s)</source>
        <translation>
            <numerusform>Clear %n forecast call</numerusform>
            <numerusform>Clear %n forecast calls</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Merge %n territory(ies) into %1</source>
        <translation>
            <numerusform>Merge %n territory into %1</numerusform>
            <numerusform>Merge %n territories into %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Clear the lock of %n account(s)</source>
        <translation>
            <numerusform>Clear the lock of %n account</numerusform>
            <numerusform>Clear the lock of %n accounts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Lock %n account(s)</source>
        <translation>
            <numerusform>Lock %n account</numerusform>
            <numerusform>Lock %n accounts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unlock %n account(s)</source>
        <translation>
            <numerusform>Unlock %n account</numerusform>
            <numerusform>Unlock %n accounts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::ReviewPack</name>
    <message numerus="yes">
        <source>Open pipeline (%n deal(s))</source>
        <translation>
            <numerusform>Open pipeline (%n deal)</numerusform>
            <numerusform>Open pipeline (%n deals)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stalled (%n deal(s))</source>
        <translation>
            <numerusform>Stalled (%n deal)</numerusform>
            <numerusform>Stalled (%n deals)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>At risk (%n deal(s))</source>
        <translation>
            <numerusform>At risk (%n deal)</numerusform>
            <numerusform>At risk (%n deals)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>And %n more: see the Review page or export --what stalled.</source>
        <translation>
            <numerusform>And %n more: see the Review page or export --what stalled.</numerusform>
            <numerusform>And %n more: see the Review page or export --what stalled.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>And %n more changed deal(s) on the Review page.</source>
        <translation>
            <numerusform>And %n more changed deal on the Review page.</numerusform>
            <numerusform>And %n more changed deals on the Review page.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::SummaryBuilder</name>
    <message numerus="yes">
        <source>%n open opportunities in %1 left out of the totals: no exchange rate to %2.</source>
        <translation>
            <numerusform>%n open opportunity in %1 left out of the totals: no exchange rate to %2.</numerusform>
            <numerusform>%n open opportunities in %1 left out of the totals: no exchange rate to %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::TerritorySummary</name>
    <message numerus="yes">
        <source>Proposal (tolerance %1): move %n account(s), %2 of the total, balance %3, largest deviation %4
</source>
        <translation>
            <numerusform>Proposal (tolerance %1): move %n account, %2 of the total, balance %3, largest deviation %4
</numerusform>
            <numerusform>Proposal (tolerance %1): move %n accounts, %2 of the total, balance %3, largest deviation %4
</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::cli</name>
    <message numerus="yes">
        <source>%1 (%2, %3): %n row(s); %4 created, %5 updated, %6 unchanged, %7 removed, %8 rejected</source>
        <translation>
            <numerusform>%1 (%2, %3): %n row; %4 created, %5 updated, %6 unchanged, %7 removed, %8 rejected</numerusform>
            <numerusform>%1 (%2, %3): %n rows; %4 created, %5 updated, %6 unchanged, %7 removed, %8 rejected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new account(s)</source>
        <translation>
            <numerusform>%n new account</numerusform>
            <numerusform>%n new accounts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new rep(s)</source>
        <translation>
            <numerusform>%n new rep</numerusform>
            <numerusform>%n new reps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stage change(s)</source>
        <translation>
            <numerusform>%n stage change</numerusform>
            <numerusform>%n stage changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n close date(s) pushed</source>
        <translation>
            <numerusform>%n close date pushed</numerusform>
            <numerusform>%n close dates pushed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n row(s) rejected; nothing was imported (use --skip-invalid to import the valid rows).</source>
        <translation>
            <numerusform>%1: %n row rejected; nothing was imported (use --skip-invalid to import the valid rows).</numerusform>
            <numerusform>%1: %n rows rejected; nothing was imported (use --skip-invalid to import the valid rows).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n likely duplicate(s) left out</source>
        <translation>
            <numerusform>%n likely duplicate left out</numerusform>
            <numerusform>%n likely duplicates left out</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n likely duplicate(s)</source>
        <translation>
            <numerusform>%n likely duplicate</numerusform>
            <numerusform>%n likely duplicates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n edit(s) made after the import would be lost:</source>
        <translation>
            <numerusform>%n edit made after the import would be lost:</numerusform>
            <numerusform>%n edits made after the import would be lost:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %1 (%n page(s)).</source>
        <translation>
            <numerusform>Wrote %1 (%n page).</numerusform>
            <numerusform>Wrote %1 (%n pages).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n account move(s) to %1 (%2).</source>
        <translation>
            <numerusform>Wrote %n account move to %1 (%2).</numerusform>
            <numerusform>Wrote %n account moves to %1 (%2).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n move(s) could not be published (listed on stderr).</source>
        <translation>
            <numerusform>%n move could not be published (listed on stderr).</numerusform>
            <numerusform>%n moves could not be published (listed on stderr).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n open deal(s) that stay with their reps to %1.</source>
        <translation>
            <numerusform>Wrote %n open deal that stays with its rep to %1.</numerusform>
            <numerusform>Wrote %n open deals that stay with their reps to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::crm</name>
    <message numerus="yes">
        <source>Dropped the report footer (%n line(s)): %1</source>
        <translation>
            <numerusform>Dropped the report footer (%n line): %1</numerusform>
            <numerusform>Dropped the report footer (%n lines): %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n value(s) look like ids that Excel turned into numbers (for example &quot;%2&quot;); export the file from the CRM again without opening it in Excel.</source>
        <translation>
            <numerusform>%1: %n value looks like an id that Excel turned into a number (for example &quot;%2&quot;); export the file from the CRM again without opening it in Excel.</numerusform>
            <numerusform>%1: %n values look like ids that Excel turned into numbers (for example &quot;%2&quot;); export the file from the CRM again without opening it in Excel.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&quot;%1&quot; (%n row(s))</source>
        <translation>
            <numerusform>&quot;%1&quot; (%n row)</numerusform>
            <numerusform>&quot;%1&quot; (%n rows)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Read as Windows-1252: %n byte(s) are not UTF-8 (%1) and no character is written the UTF-8 way.</source>
        <translation>
            <numerusform>Read as Windows-1252: %n byte is not UTF-8 (%1) and no character is written the UTF-8 way.</numerusform>
            <numerusform>Read as Windows-1252: %n bytes are not UTF-8 (%1) and no character is written the UTF-8 way.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The file is UTF-8 but for %n byte(s) that are not: %1. Choose its encoding: as UTF-8 those bytes become “�”; as Windows-1252 its %2 UTF-8 characters (such as accented letters) each become two odd ones.</source>
        <translation>
            <numerusform>The file is UTF-8 but for %n byte that is not: %1. Choose its encoding: as UTF-8 that byte becomes “�”; as Windows-1252 its %2 UTF-8 characters (such as accented letters) each become two odd ones.</numerusform>
            <numerusform>The file is UTF-8 but for %n bytes that are not: %1. Choose its encoding: as UTF-8 those bytes become “�”; as Windows-1252 its %2 UTF-8 characters (such as accented letters) each become two odd ones.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s) are not UTF-8 and were read as “�”: %1.</source>
        <translation>
            <numerusform>%n byte is not UTF-8 and was read as “�”: %1.</numerusform>
            <numerusform>%n bytes are not UTF-8 and were read as “�”: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new row(s) look like deals the book already has from another source (the same account and name, and the same amount or close date), such as line %1, “%2”, like %3. Leave them out with --skip-duplicates, or import them anyway with --allow-duplicates.</source>
        <translation>
            <numerusform>%n new row looks like a deal the book already has from another source (the same account and name, and the same amount or close date): line %1, “%2”, like %3. Leave it out with --skip-duplicates, or import it anyway with --allow-duplicates.</numerusform>
            <numerusform>%n new rows look like deals the book already has from another source (the same account and name, and the same amount or close date), such as line %1, “%2”, like %3. Leave them out with --skip-duplicates, or import them anyway with --allow-duplicates.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Undoing the import of %1 would lose %n edit(s) made after it: %2. Nothing was changed.</source>
        <translation>
            <numerusform>Undoing the import of %1 would lose %n edit made after it: %2. Nothing was changed.</numerusform>
            <numerusform>Undoing the import of %1 would lose %n edits made after it: %2. Nothing was changed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n NUL byte(s) dropped (the first at line %1, column %2): they are no text, but a value they stood in may be cut or joined.</source>
        <translation>
            <numerusform>A NUL byte dropped (at line %1, column %2): it is no text, but a value it stood in may be cut or joined.</numerusform>
            <numerusform>%n NUL bytes dropped (the first at line %1, column %2): they are no text, but a value they stood in may be cut or joined.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::health::Reasons</name>
    <message numerus="yes">
        <source>No activity for %n days</source>
        <translation>
            <numerusform>No activity for %n day</numerusform>
            <numerusform>No activity for %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>In %1 for %n days, limit %2</source>
        <translation>
            <numerusform>In %1 for %n day, limit %2</numerusform>
            <numerusform>In %1 for %n days, limit %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Close date passed %n days ago</source>
        <translation>
            <numerusform>Close date passed %n day ago</numerusform>
            <numerusform>Close date passed %n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Close date pushed %n times</source>
        <translation>
            <numerusform>Close date pushed %n time</numerusform>
            <numerusform>Close date pushed %n times</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Open %n days, over %1× the average cycle of %2 days</source>
        <translation>
            <numerusform>Open %n day, over %1× the average cycle of %2 days</numerusform>
            <numerusform>Open %n days, over %1× the average cycle of %2 days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::ui::AccountsPage</name>
    <message numerus="yes">
        <source>%Ln accounts</source>
        <translation>
            <numerusform>%Ln account</numerusform>
            <numerusform>%Ln accounts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln accounts</source>
        <translation>
            <numerusform>%1 of %Ln account</numerusform>
            <numerusform>%1 of %Ln accounts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::ui::AsOfField</name>
    <message numerus="yes">
        <source>%1 is %n day(s) after today (%2): the changes this file shows would be dated on a day that has not come yet.</source>
        <translation>
            <numerusform>%1 is %n day after today (%2): the changes this file shows would be dated on a day that has not come yet.</numerusform>
            <numerusform>%1 is %n days after today (%2): the changes this file shows would be dated on a day that has not come yet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::ui::AssumptionsPanel</name>
    <message numerus="yes">
        <source>%Ln won deals</source>
        <translation>
            <numerusform>%Ln won deal</numerusform>
            <numerusform>%Ln won deals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln closed deals</source>
        <translation>
            <numerusform>%Ln closed deal</numerusform>
            <numerusform>%Ln closed deals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln meetings</source>
        <translation>
            <numerusform>%Ln meeting</numerusform>
            <numerusform>%Ln meetings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln activities</source>
        <translation>
            <numerusform>%Ln activity</numerusform>
            <numerusform>%Ln activities</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::ui::ChangesPanel</name>
    <message numerus="yes">
        <source>&lt;b&gt;%1:&lt;/b&gt; %n deal(s)</source>
        <translation>
            <numerusform>&lt;b&gt;%1:&lt;/b&gt; %n deal</numerusform>
            <numerusform>&lt;b&gt;%1:&lt;/b&gt; %n deals</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::ui::CleanupPrompts</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mark %n Deal(s) Lost</source>
        <translation>
            <numerusform>Mark %n Deal Lost</numerusform>
            <numerusform>Mark %n Deals Lost</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Push the Close Date of %n Deal(s)</source>
        <translation>
            <numerusform>Push the Close Date of %n Deal</numerusform>
            <numerusform>Push the Close Date of %n Deals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Next Activity of %n Deal(s)</source>
        <translation>
            <numerusform>Next Activity of %n Deal</numerusform>
            <numerusform>Next Activity of %n Deals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Next Step of %n Deal(s)</source>
        <translation>
            <numerusform>Next Step of %n Deal</numerusform>
            <numerusform>Next Step of %n Deals</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::ui::ForecastPanel</name>
    <message numerus="yes">
        <source>&lt;b&gt;Category moves&lt;/b&gt; from %1 to %2 (the snapshots of the Changes tab): %n deal(s) of the period&apos;s pipeline changed category</source>
        <translation>
            <numerusform>&lt;b&gt;Category moves&lt;/b&gt; from %1 to %2 (the snapshots of the Changes tab): %n deal of the period&apos;s pipeline changed category</numerusform>
            <numerusform>&lt;b&gt;Category moves&lt;/b&gt; from %1 to %2 (the snapshots of the Changes tab): %n deals of the period&apos;s pipeline changed category</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deal(s) worth %1: %2 → %3</source>
        <translation>
            <numerusform>%n deal worth %1: %2 → %3</numerusform>
            <numerusform>%n deals worth %1: %2 → %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Honest commit, without %n deal(s) that missed a gateway</source>
        <translation>
            <numerusform>Honest commit, without %n deal that missed a gateway</numerusform>
            <numerusform>Honest commit, without %n deals that missed a gateway</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n Commit deal(s) worth %1 went past a stage without meeting its criteria (Gateways tab).</source>
        <translation>
            <numerusform>%n Commit deal worth %1 went past a stage without meeting its criteria (Gateways tab).</numerusform>
            <numerusform>%n Commit deals worth %1 went past a stage without meeting their criteria (Gateways tab).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::ui::FunnelPage</name>
    <message numerus="yes">
        <source>%1: %2 still needed in the %n week(s) left (%3 days); the target is %4 over %5 weeks.</source>
        <translation>
            <numerusform>%1: %2 still needed in the %n week left (%3 days); the target is %4 over %5 weeks.</numerusform>
            <numerusform>%1: %2 still needed in the %n weeks left (%3 days); the target is %4 over %5 weeks.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n week(s) left (%2 days), and no target.</source>
        <translation>
            <numerusform>%1: %n week left (%2 days), and no target.</numerusform>
            <numerusform>%1: %n weeks left (%2 days), and no target.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The rest of %1: %n week(s) left</source>
        <translation>
            <numerusform>The rest of %1: %n week left</numerusform>
            <numerusform>The rest of %1: %n weeks left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The whole of %1: %n week(s)</source>
        <translation>
            <numerusform>The whole of %1: %n week</numerusform>
            <numerusform>The whole of %1: %n weeks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The target of %1 worked back over all %n week(s) of the period: each band gives the whole period and a week.</source>
        <translation>
            <numerusform>The target of %1 worked back over all %n week of the period: each band gives the whole period and a week.</numerusform>
            <numerusform>The target of %1 worked back over all %n weeks of the period: each band gives the whole period and a week.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::ui::GatewaysPanel</name>
    <message numerus="yes">
        <source>%n open deal(s) went past a stage without meeting its criteria (%1). Tick what each deal meets on the right.</source>
        <translation>
            <numerusform>%n open deal went past a stage without meeting its criteria (%1). Tick what each deal meets on the right.</numerusform>
            <numerusform>%n open deals went past a stage without meeting their criteria (%1). Tick what each deal meets on the right.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::ui::HealthPage</name>
    <message numerus="yes">
        <source>%1: %n deal(s).</source>
        <translation>
            <numerusform>%1: %n deal.</numerusform>
            <numerusform>%1: %n deals.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln open deals</source>
        <translation>
            <numerusform>%1 of %Ln open deal</numerusform>
            <numerusform>%1 of %Ln open deals</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::ui::ImportRate</name>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::ui::ImportRunPage</name>
    <message numerus="yes">
        <source>%Ln row(s) in less than a second</source>
        <translation>
            <numerusform>%Ln row in less than a second</numerusform>
            <numerusform>%Ln rows in less than a second</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) in %1 (%2 rows/s)</source>
        <translation>
            <numerusform>%Ln row in %1 (%2 rows/s)</numerusform>
            <numerusform>%Ln rows in %1 (%2 rows/s)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing was imported: %Ln row(s) were rejected. The book is unchanged.</source>
        <translation>
            <numerusform>Nothing was imported: %Ln row was rejected. The book is unchanged.</numerusform>
            <numerusform>Nothing was imported: %Ln rows were rejected. The book is unchanged.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::ui::KeyMetricsPanel</name>
    <message numerus="yes">
        <source>%Ln lost deal(s) left out: stage unknown (nothing in the CRM&apos;s export or the book&apos;s history says at which stage they were lost).</source>
        <translation>
            <numerusform>%Ln lost deal left out: stage unknown (nothing in the CRM&apos;s export or the book&apos;s history says at which stage it was lost).</numerusform>
            <numerusform>%Ln lost deals left out: stage unknown (nothing in the CRM&apos;s export or the book&apos;s history says at which stage they were lost).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::ui::MainWindow</name>
    <message numerus="yes">
        <source>%Ln accounts</source>
        <translation>
            <numerusform>%Ln account</numerusform>
            <numerusform>%Ln accounts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln opportunities</source>
        <translation>
            <numerusform>%Ln opportunity</numerusform>
            <numerusform>%Ln opportunities</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::ui::MappingPage</name>
    <message numerus="yes">
        <source>%n value(s) in this column look like ids that Excel turned into numbers.</source>
        <translation>
            <numerusform>%n value in this column looks like an id that Excel turned into a number.</numerusform>
            <numerusform>%n values in this column look like ids that Excel turned into numbers.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::ui::OpportunitiesPage</name>
    <message numerus="yes">
        <source>%Ln opportunities</source>
        <translation>
            <numerusform>%Ln opportunity</numerusform>
            <numerusform>%Ln opportunities</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln opportunities</source>
        <translation>
            <numerusform>%1 of %Ln opportunity</numerusform>
            <numerusform>%1 of %Ln opportunities</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::ui::PresetPage</name>
    <message numerus="yes">
        <source>No known CRM export: %n column(s) recognised by their names, check them on the next page</source>
        <translation>
            <numerusform>No known CRM export: %n column recognised by its name, check it on the next page</numerusform>
            <numerusform>No known CRM export: %n columns recognised by their names, check them on the next page</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::ui::PreviewPage</name>
    <message numerus="yes">
        <source>%Ln row(s) cannot be imported. Correct the file and start again, or tick Skip invalid rows to import the others.</source>
        <translation>
            <numerusform>%Ln row cannot be imported. Correct the file and start again, or tick Skip invalid rows to import the others.</numerusform>
            <numerusform>%Ln rows cannot be imported. Correct the file and start again, or tick Skip invalid rows to import the others.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln new row(s) look like deals the book already has from another source (the same account and name, and the same amount or close date), such as line %1, “%2”. &amp;Likely duplicates:</source>
        <translation>
            <numerusform>%Ln new row looks like a deal the book already has from another source (the same account and name, and the same amount or close date): line %1, “%2”. &amp;Likely duplicate:</numerusform>
            <numerusform>%Ln new rows look like deals the book already has from another source (the same account and name, and the same amount or close date), such as line %1, “%2”. &amp;Likely duplicates:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::ui::ProposeDialog</name>
    <message numerus="yes">
        <source>Move %n account(s) (%1 of the total): balance %2 → %3, largest deviation %4 → %5.</source>
        <translation>
            <numerusform>Move %n account (%1 of the total): balance %2 → %3, largest deviation %4 → %5.</numerusform>
            <numerusform>Move %n accounts (%1 of the total): balance %2 → %3, largest deviation %4 → %5.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rebalance: move %n account(s)</source>
        <translation>
            <numerusform>Rebalance: move %n account</numerusform>
            <numerusform>Rebalance: move %n accounts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 ±%2% — %n move(s)</source>
        <translation>
            <numerusform>%1 ±%2% — %n move</numerusform>
            <numerusform>%1 ±%2% — %n moves</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Name of the scenario (%n kept already):</source>
        <translation>
            <numerusform>Name of the scenario (%n kept already):</numerusform>
            <numerusform>Name of the scenario (%n kept already):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::ui::PublishMovesDialog</name>
    <message numerus="yes">
        <source>%n of them can be published in this format; the others are listed below with the reason.</source>
        <translation>
            <numerusform>%n of them can be published in this format; the others are listed below with the reason.</numerusform>
            <numerusform>%n of them can be published in this format; the others are listed below with the reason.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) have a new owner in the book.</source>
        <translation>
            <numerusform>%n account has a new owner in the book.</numerusform>
            <numerusform>%n accounts have a new owner in the book.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n move(s) cannot be published in this format. Set the reps&apos; CRM user ids and emails on the Reps page; an account without a CRM id was not imported from the CRM.</source>
        <translation>
            <numerusform>%n move cannot be published in this format. Set the reps&apos; CRM user ids and emails on the Reps page; an account without a CRM id was not imported from the CRM.</numerusform>
            <numerusform>%n moves cannot be published in this format. Set the reps&apos; CRM user ids and emails on the Reps page; an account without a CRM id was not imported from the CRM.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open deal(s) of these accounts stay with their reps (the rep who works a deal keeps it); they are written beside the moves for the CRM to check.</source>
        <translation>
            <numerusform>%n open deal of these accounts stays with its rep (the rep who works a deal keeps it); it is written beside the moves for the CRM to check.</numerusform>
            <numerusform>%n open deals of these accounts stay with their reps (the rep who works a deal keeps it); they are written beside the moves for the CRM to check.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Published %n move(s) to %1; the open deals that stay are in %2.</source>
        <translation>
            <numerusform>Published %n move to %1; the open deals that stay are in %2.</numerusform>
            <numerusform>Published %n moves to %1; the open deals that stay are in %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::ui::ReassignPrompt</name>
    <message numerus="yes">
        <source>Its %n open deal(s) (%1) have no owner.</source>
        <translation>
            <numerusform>Its %n open deal (%1) has no owner.</numerusform>
            <numerusform>Its %n open deals (%1) have no owner.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 owns its %n open deal(s) (%2).</source>
        <translation>
            <numerusform>%1 owns its %n open deal (%2).</numerusform>
            <numerusform>%1 owns its %n open deals (%2).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open deal(s) of other reps stay with them.</source>
        <translation>
            <numerusform>%n open deal of another rep stays with that rep.</numerusform>
            <numerusform>%n open deals of other reps stay with them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Move Its %n Open Deal(s) Too</source>
        <translation>
            <numerusform>&amp;Move Its Open Deal Too</numerusform>
            <numerusform>&amp;Move Its %n Open Deals Too</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Unassign Its %n Open Deal(s) Too</source>
        <translation>
            <numerusform>&amp;Unassign Its Open Deal Too</numerusform>
            <numerusform>&amp;Unassign Its %n Open Deals Too</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::ui::RepTableModel</name>
    <message numerus="yes">
        <source>Team (%n rep(s))</source>
        <translation>
            <numerusform>Team (%n rep)</numerusform>
            <numerusform>Team (%n reps)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Includes %1 in %n open deal(s) that no rep owns</source>
        <translation>
            <numerusform>Includes %1 in %n open deal that no rep owns</numerusform>
            <numerusform>Includes %1 in %n open deals that no rep owns</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::ui::RepsPage</name>
    <message numerus="yes">
        <source>%Ln reps</source>
        <translation>
            <numerusform>%Ln rep</numerusform>
            <numerusform>%Ln reps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln reps</source>
        <translation>
            <numerusform>%1 of %Ln rep</numerusform>
            <numerusform>%1 of %Ln reps</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::ui::ReviewPage</name>
    <message numerus="yes">
        <source>Exported the review pack to %1 (%n page(s)).</source>
        <translation>
            <numerusform>Exported the review pack to %1 (%n page).</numerusform>
            <numerusform>Exported the review pack to %1 (%n pages).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::ui::RoiPage</name>
    <message numerus="yes">
        <source>%n rep(s) carry more active opportunities than their capacity: %1</source>
        <translation>
            <numerusform>%n rep carries more active opportunities than their capacity: %1</numerusform>
            <numerusform>%n reps carry more active opportunities than their capacity: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, and %n more.</source>
        <translation>
            <numerusform>, and %n more.</numerusform>
            <numerusform>, and %n more.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n row(s).</source>
        <translation>
            <numerusform>Copied %n row.</numerusform>
            <numerusform>Copied %n rows.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n scored account(s)</source>
        <translation>
            <numerusform>%n scored account</numerusform>
            <numerusform>%n scored accounts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::ui::RoiState</name>
    <message numerus="yes">
        <source>scored on %1 of %n factor(s)</source>
        <translation>
            <numerusform>scored on %1 of %n factor</numerusform>
            <numerusform>scored on %1 of %n factors</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::ui::ScenarioCompareModel</name>
    <message numerus="yes">
        <source>, at most %n account(s)</source>
        <translation>
            <numerusform>, at most %n account</numerusform>
            <numerusform>, at most %n accounts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>: %n move(s) kept</source>
        <translation>
            <numerusform>: %n move kept</numerusform>
            <numerusform>: %n moves kept</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::ui::ScenariosDialog</name>
    <message numerus="yes">
        <source>%n scenario(s) kept, each placed on the book as it is now. Select a column to apply, rename or delete it.</source>
        <translation>
            <numerusform>%n scenario kept, each placed on the book as it is now. Select a column to apply, rename or delete it.</numerusform>
            <numerusform>%n scenarios kept, each placed on the book as it is now. Select a column to apply, rename or delete it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::ui::ScopeBar</name>
    <message numerus="yes">
        <source>Figures are now as of %1, %n day(s) after today.</source>
        <translation>
            <numerusform>Figures are now as of %1, %n day after today.</numerusform>
            <numerusform>Figures are now as of %1, %n days after today.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 is %n day(s) after today (%2): figures count what the book expects by then, and nothing that happens in between.</source>
        <translation>
            <numerusform>%1 is %n day after today (%2): figures count what the book expects by then, and nothing that happens in between.</numerusform>
            <numerusform>%1 is %n days after today (%2): figures count what the book expects by then, and nothing that happens in between.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::ui::ScoringPanel</name>
    <message numerus="yes">
        <source>%n accounts selected</source>
        <translation>
            <numerusform>%n account selected</numerusform>
            <numerusform>%n accounts selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Score %1 of %n account(s): %2</source>
        <translation>
            <numerusform>Score %1 of %n account: %2</numerusform>
            <numerusform>Score %1 of %n accounts: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Clear %1 of %n account(s)</source>
        <translation>
            <numerusform>Clear %1 of %n account</numerusform>
            <numerusform>Clear %1 of %n accounts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::ui::StalledChart</name>
    <message numerus="yes">
        <source>%1, %2: %Ln deals, %3</source>
        <translation>
            <numerusform>%1, %2: %Ln deal, %3</numerusform>
            <numerusform>%1, %2: %Ln deals, %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::ui::TablePage</name>
    <message numerus="yes">
        <source>Copied %n row(s).</source>
        <translation>
            <numerusform>Copied %n row.</numerusform>
            <numerusform>Copied %n rows.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::ui::TerritoriesPage</name>
    <message numerus="yes">
        <source> · %n account(s) in no territory</source>
        <translation>
            <numerusform> · %n account in no territory</numerusform>
            <numerusform> · %n accounts in no territory</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete territory %1? Its %n account(s) will be in no territory; their owners stay. Edit ▸ Undo brings it back.</source>
        <translation>
            <numerusform>Delete territory %1? Its %n account will be in no territory; its owner stays. Edit ▸ Undo brings it back.</numerusform>
            <numerusform>Delete territory %1? Its %n accounts will be in no territory; their owners stay. Edit ▸ Undo brings it back.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::ui::TerritoryMapPanel</name>
    <message numerus="yes">
        <source>%n account(s) with no recognised region</source>
        <translation>
            <numerusform>%n account with no recognised region</numerusform>
            <numerusform>%n accounts with no recognised region</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) in the United States without a state</source>
        <translation>
            <numerusform>%n account in the United States without a state</numerusform>
            <numerusform>%n accounts in the United States without a state</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more region(s)</source>
        <translation>
            <numerusform>%1 and %n more region</numerusform>
            <numerusform>%1 and %n more regions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n account(s)</source>
        <translation>
            <numerusform>%n account</numerusform>
            <numerusform>%n accounts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more territory(ies): %1</source>
        <translation>
            <numerusform>%n more territory: %1</numerusform>
            <numerusform>%n more territories: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::ui::UndoImportPrompt</name>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Undoing the import of %1 would lose %n edit(s) made after it.</source>
        <translation>
            <numerusform>Undoing the import of %1 would lose %n edit made after it.</numerusform>
            <numerusform>Undoing the import of %1 would lose %n edits made after it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Undo Import and Lose %n Edit(s)</source>
        <translation>
            <numerusform>&amp;Undo Import and Lose %n Edit</numerusform>
            <numerusform>&amp;Undo Import and Lose %n Edits</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tp::ui::WorkListModel</name>
    <message numerus="yes">
        <source>Beyond the capacity of %n active deal(s)</source>
        <translation>
            <numerusform>Beyond the capacity of %n active deal</numerusform>
            <numerusform>Beyond the capacity of %n active deals</numerusform>
        </translation>
    </message>
</context>
</TS>
