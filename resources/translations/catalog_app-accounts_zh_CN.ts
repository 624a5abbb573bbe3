<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>FirstManagerDialog</name>
    <message>
        <source>Create the first manager account</source>
        <translation>创建第一个经理账户</translation>
    </message>
    <message>
        <source>Nobody has an account on this device yet. The first account is a manager&apos;s: managers add booth staff, reset PINs, merge duplicates, export and delete. Choose a PIN of 4 to 12 digits that others do not know.</source>
        <translation>本设备还没有任何账户。第一个账户是经理账户：经理可以添加展位工作人员、重置 PIN、合并重复线索、导出和删除。请设置一个 4 到 12 位、别人不知道的数字 PIN。</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Create and sign in</source>
        <translation>创建并登录(&amp;C)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>NewPinFields</name>
    <message>
        <source>&amp;PIN (4–12 digits):</source>
        <translation>PIN（4–12 位数字）(&amp;P)：</translation>
    </message>
    <message>
        <source>PIN &amp;again:</source>
        <translation>再次输入 PIN(&amp;A)：</translation>
    </message>
    <message>
        <source>The two PINs are not the same.</source>
        <translation>两次输入的 PIN 不一致。</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <source>staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>There is no manager account on this device.</source>
        <translation>本设备没有经理账户。</translation>
    </message>
    <message>
        <source>There are no staff accounts yet.</source>
        <translation>还没有任何员工账户。</translation>
    </message>
    <message>
        <source>Type your PIN.</source>
        <translation>请输入您的 PIN。</translation>
    </message>
    <message>
        <source>A manager&apos;s PIN is needed here.</source>
        <translation>这里需要经理的 PIN。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在核对…</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>批准(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>登录(&amp;S)</translation>
    </message>
    <message>
        <source>Manager approval</source>
        <translation>经理批准</translation>
    </message>
    <message>
        <source>A manager must approve this with their PIN.</source>
        <translation>此操作需要经理输入 PIN 批准。</translation>
    </message>
    <message>
        <source>Who is at the booth?</source>
        <translation>谁在展位值班？</translation>
    </message>
    <message>
        <source>Choose your name and type your PIN. Leads you capture carry your name.</source>
        <translation>请选择您的姓名并输入 PIN。您登记的线索会记上您的名字。</translation>
    </message>
    <message>
        <source>&amp;Person:</source>
        <translation>人员(&amp;P)：</translation>
    </message>
    <message>
        <source>P&amp;IN:</source>
        <translation>PIN(&amp;I)：</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>StaffEditDialog</name>
    <message>
        <source>Add a person</source>
        <translation>添加人员</translation>
    </message>
    <message>
        <source>Booth staff capture leads and print intents; managers may do everything.</source>
        <translation>展位员工可以登记线索和打印意向书；经理可以执行所有操作。</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>新 PIN</translation>
    </message>
    <message>
        <source>A new PIN for %1. A lock-out after wrong PINs ends with it.</source>
        <translation>为 %1 设置新 PIN。因输错 PIN 而锁定的账户会随之解锁。</translation>
    </message>
    <message>
        <source>&amp;Set PIN</source>
        <translation>设置 PIN(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <source>Booth staff</source>
        <translation>展位员工</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>StaffManagementDialog</name>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Staff and PINs</source>
        <translation>员工与 PIN</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <source>Booth staff</source>
        <translation>展位员工</translation>
    </message>
    <message>
        <source>set</source>
        <translation>已设置</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>locked until %1</source>
        <translation>锁定至 %1</translation>
    </message>
    <message>
        <source>active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Make booth &amp;staff</source>
        <translation>改为展位员工(&amp;S)</translation>
    </message>
    <message>
        <source>Make &amp;manager</source>
        <translation>设为经理(&amp;M)</translation>
    </message>
    <message>
        <source>Saved: %1.</source>
        <translation>已保存：%1。</translation>
    </message>
    <message>
        <source>Role changed: %1.</source>
        <translation>已更改角色：%1。</translation>
    </message>
    <message>
        <source>Every person at the booth signs in with their own PIN, so each lead shows who captured it. Changes here are written to the audit log.</source>
        <translation>展位上的每个人都用自己的 PIN 登录，这样每条线索都能看出是谁登记的。此处的更改都会写入审计日志。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>&amp;Add person…</source>
        <translation>添加人员(&amp;A)…</translation>
    </message>
    <message>
        <source>New &amp;PIN…</source>
        <translation>设置新 PIN(&amp;P)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>StaffSwitcher</name>
    <message>
        <source>Nobody signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>&amp;Sign in…</source>
        <translation>登录(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Set up the first manager…</source>
        <translation>设置第一个经理账户(&amp;S)…</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <source>staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Signed in: %1 (%2)</source>
        <translation>当前登录：%1（%2）</translation>
    </message>
    <message>
        <source>S&amp;witch person…</source>
        <translation>换人(&amp;W)…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>Staff…</source>
        <translation>员工管理…</translation>
    </message>
</context>
</TS>
