<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ExportBox</name>
    <message>
        <source>This device&apos;s data</source>
        <translation>本设备的数据</translation>
    </message>
    <message>
        <source>At the end of the day, write this laptop&apos;s leads, intents and catalog changes into one sync package file (.catpkg) on a USB stick or in a folder, and give it to the sales manager. The app keeps running while it is written.</source>
        <translation>每天结束时，把本机的线索、意向书和目录更改写入一个同步包文件（.catpkg），存到U盘或文件夹，交给销售经理。写入期间程序照常使用。</translation>
    </message>
    <message>
        <source>Export sync package…</source>
        <translation>导出同步包…</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <source>This window is open on a server database: use push and pull.</source>
        <translation>当前打开的是服务器数据库：请使用推送和拉取。</translation>
    </message>
    <message>
        <source>Sign in first: the package holds personal data, and who exported it is recorded.</source>
        <translation>请先登录：同步包含有个人信息，导出人会被记录。</translation>
    </message>
    <message>
        <source>Where should the sync package go?</source>
        <translation>同步包保存到哪里？</translation>
    </message>
    <message>
        <source>Writing the sync package…</source>
        <translation>正在写入同步包…</translation>
    </message>
    <message numerus="yes">
        <source>Sync package written: %1 (%n lead(s)).</source>
        <translation>
            <numerusform>同步包已写出：%1（%n 条线索）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: no package was written.</source>
        <translation>已取消：未写出同步包。</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge sync packages</source>
        <translation>合并同步包</translation>
    </message>
    <message>
        <source>The packages are checked and the merge is tried without changing anything. Read the summary, then press Merge. Merging can be repeated safely, in any order.</source>
        <translation>先检查同步包，并试运行合并（不做任何改动）。请阅读摘要，然后按“合并”。合并可以安全地重复进行，顺序不限。</translation>
    </message>
    <message>
        <source>Accept the fast clock of that laptop (this computer&apos;s clock moves ahead)</source>
        <translation>仍然接受该电脑偏快的时钟（本机时钟将随之前移）</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>合并(&amp;M)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Checking the packages…</source>
        <translation>正在检查同步包…</translation>
    </message>
    <message>
        <source>Cancelled: nothing was changed.</source>
        <translation>已取消：没有任何改动。</translation>
    </message>
</context>
<context>
    <name>ProgressRow</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>ServerBox</name>
    <message>
        <source>Central server</source>
        <translation>中央服务器</translation>
    </message>
    <message>
        <source>When the hall or the office has a network: push sends this computer&apos;s changes to the organisation&apos;s PostgreSQL server, pull brings everyone else&apos;s. Only what changed since the last time travels; an interrupted sync continues where it stopped.</source>
        <translation>展馆或办公室有网络时：推送把本机的更改发送到单位的 PostgreSQL 服务器，拉取取回其他设备的更改。只传输上次以来的更改；中断的同步会从中断处继续。</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>postgresql://user@host/database</source>
        <translation>postgresql://用户@主机/数据库</translation>
    </message>
    <message>
        <source>not stored; empty if none is needed</source>
        <translation>不保存；无需密码时留空</translation>
    </message>
    <message>
        <source>Push</source>
        <translation>推送</translation>
    </message>
    <message>
        <source>Pull</source>
        <translation>拉取</translation>
    </message>
    <message>
        <source>This window is open on the server database itself.</source>
        <translation>当前打开的就是服务器数据库本身。</translation>
    </message>
    <message>
        <source>Managers only: sign in as a manager to push or pull.</source>
        <translation>仅限经理：请以经理身份登录后推送或拉取。</translation>
    </message>
    <message>
        <source>Type the server&apos;s address, starting with postgresql://</source>
        <translation>请输入以 postgresql:// 开头的服务器地址</translation>
    </message>
    <message>
        <source>Connecting to the server…</source>
        <translation>正在连接服务器…</translation>
    </message>
    <message>
        <source>Clock ahead</source>
        <translation>时钟偏快</translation>
    </message>
    <message>
        <source>Accept and pull</source>
        <translation>接受并拉取</translation>
    </message>
    <message>
        <source>Do not pull</source>
        <translation>不拉取</translation>
    </message>
    <message>
        <source>Cancelled. Every batch finished before the cancel is kept; the next sync continues from there.</source>
        <translation>已取消。取消前已完成的批次均已保存；下次同步会从那里继续。</translation>
    </message>
</context>
<context>
    <name>SyncLogBox</name>
    <message>
        <source>Sync log</source>
        <translation>同步记录</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>With</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Nothing synced yet.</source>
        <translation>尚未同步过。</translation>
    </message>
    <message>
        <source>Package exported</source>
        <translation>导出同步包</translation>
    </message>
    <message>
        <source>Package merged</source>
        <translation>合并同步包</translation>
    </message>
    <message>
        <source>Pushed</source>
        <translation>推送</translation>
    </message>
    <message>
        <source>Pulled</source>
        <translation>拉取</translation>
    </message>
    <message>
        <source>%1 (on another device)</source>
        <translation>%1（在其他设备上）</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>interrupted, continues next time</source>
        <translation>中断，下次继续</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Merge packages from booth laptops</source>
        <translation>合并各展台电脑的同步包</translation>
    </message>
    <message>
        <source>Choose the packages handed in (up to 10 at a time). They are checked and the merge is tried first without changing anything; nothing is lost or duplicated, and merging the same package again changes nothing. People captured on several laptops are linked for review on the Leads page.</source>
        <translation>选择收到的同步包（一次最多 10 个）。程序先检查并试运行合并，不做任何改动；数据不会丢失或重复，同一个同步包再次合并也不会有任何变化。在多台电脑上登记过的同一人会被标记，可在“线索”页核对。</translation>
    </message>
    <message>
        <source>Merge packages…</source>
        <translation>合并同步包…</translation>
    </message>
    <message>
        <source>Packages are merged into a database file, not into a server.</source>
        <translation>同步包只能合并到数据库文件中，不能直接合并到服务器。</translation>
    </message>
    <message>
        <source>Managers only: sign in as a manager to merge packages.</source>
        <translation>仅限经理：请以经理身份登录后合并同步包。</translation>
    </message>
    <message>
        <source>Choose sync packages</source>
        <translation>选择同步包</translation>
    </message>
    <message>
        <source>Sync packages (*%1);;All files (*)</source>
        <translation>同步包 (*%1);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Merged %1 package(s): %2 new, %3 updated rows.</source>
        <translation>已合并 %1 个同步包：新增 %2 行，更新 %3 行。</translation>
    </message>
    <message>
        <source>Sync package written: %1</source>
        <translation>同步包已写出：%1</translation>
    </message>
</context>
<context>
    <name>SyncTables</name>
    <message>
        <source>devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>fairs</source>
        <translation>展会</translation>
    </message>
    <message>
        <source>staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>sync log</source>
        <translation>同步记录</translation>
    </message>
    <message>
        <source>attendees</source>
        <translation>参会人员</translation>
    </message>
    <message>
        <source>audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>exhibitors</source>
        <translation>参展商</translation>
    </message>
    <message>
        <source>leads</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>truck models</source>
        <translation>车型</translation>
    </message>
    <message>
        <source>purchase intents</source>
        <translation>购车意向书</translation>
    </message>
    <message>
        <source>duplicate links</source>
        <translation>重复标记</translation>
    </message>
    <message>
        <source>interests</source>
        <translation>意向车型</translation>
    </message>
    <message>
        <source>media</source>
        <translation>图片与资料</translation>
    </message>
    <message>
        <source>model options</source>
        <translation>车型选装</translation>
    </message>
    <message>
        <source>specifications</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>intent lines</source>
        <translation>意向书明细</translation>
    </message>
    <message>
        <source>intent history</source>
        <translation>意向书状态记录</translation>
    </message>
    <message>
        <source>package %1: %2</source>
        <translation>同步包 %1：%2</translation>
    </message>
</context>
</TS>
