namespace WgAgent.Core.Firewall;

/// <summary>
/// The numbers of the nf_tables netlink protocol that wgagent reads, from the kernel's UAPI headers
/// (linux/netfilter/nfnetlink.h, linux/netfilter/nf_tables.h, linux/netfilter.h). They are ABI: never renumbered.
/// </summary>
internal static class NfTables
{
    // nlmsg_type of a netfilter message is (subsystem << 8) | operation (NFNL_SUBSYS_ID, NFNL_MSG_TYPE).
    public const byte Subsystem = 10; // NFNL_SUBSYS_NFTABLES

    // struct nfgenmsg: u8 nfgen_family, u8 version, be16 res_id; it precedes the attributes of every message.
    public const int GenMessageLength = 4;

    // enum nf_tables_msg_types. The GET* requests are never multicast, so only the changes are named here.
    public const byte NewTable = 0;
    public const byte DelTable = 2;
    public const byte NewChain = 3;
    public const byte DelChain = 5;
    public const byte NewRule = 6;
    public const byte DelRule = 8;
    public const byte NewSet = 9;
    public const byte DelSet = 11;
    public const byte NewSetElem = 12;
    public const byte DelSetElem = 14;
    public const byte NewGen = 15;
    public const byte GetGen = 16;
    public const byte Trace = 17;
    public const byte NewObj = 18;
    public const byte DelObj = 20;
    public const byte GetObjReset = 21;
    public const byte NewFlowtable = 22;
    public const byte DelFlowtable = 24;
    public const byte GetRuleReset = 25;

    // Linux 6.3 added DESTROY* ("delete, no error if missing"); the commit notifies them under their own type
    // (nf_tables_table_notify(ctx, trans->msg_type)), so a `nft destroy table` arrives as DESTROYTABLE, not DELTABLE.
    public const byte DestroyTable = 26;
    public const byte DestroyChain = 27;
    public const byte DestroyRule = 28;
    public const byte DestroySet = 29;
    public const byte DestroySetElem = 30;
    public const byte DestroyObj = 31;
    public const byte DestroyFlowtable = 32;
    public const byte GetSetElemReset = 33;

    // Attribute 1 of every table-scoped message is the table's name: NFTA_TABLE_NAME, NFTA_CHAIN_TABLE,
    // NFTA_RULE_TABLE, NFTA_SET_TABLE, NFTA_SET_ELEM_LIST_TABLE, NFTA_OBJ_TABLE, NFTA_FLOWTABLE_TABLE.
    public const ushort AttrTable = 1;

    // enum nft_gen_attributes (NFT_MSG_NEWGEN). All three are big-endian (nla_put_be32 in nf_tables_fill_gen_info).
    public const ushort AttrGenId = 1;
    public const ushort AttrGenProcessId = 2;
    public const ushort AttrGenProcessName = 3;
}
