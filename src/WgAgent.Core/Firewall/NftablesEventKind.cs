namespace WgAgent.Core.Firewall;

/// <summary>What one nf_tables notification says (NFT_MSG_*, linux/netfilter/nf_tables.h).</summary>
public enum NftablesEventKind
{
    /// <summary>NFT_MSG_NEWTABLE: a table was created or its flags changed.</summary>
    NewTable,

    /// <summary>NFT_MSG_DELTABLE or NFT_MSG_DESTROYTABLE: a table was deleted (also by <c>flush ruleset</c>).</summary>
    DeleteTable,

    /// <summary>NFT_MSG_NEWCHAIN.</summary>
    NewChain,

    /// <summary>NFT_MSG_DELCHAIN or NFT_MSG_DESTROYCHAIN.</summary>
    DeleteChain,

    /// <summary>NFT_MSG_NEWRULE.</summary>
    NewRule,

    /// <summary>NFT_MSG_DELRULE or NFT_MSG_DESTROYRULE.</summary>
    DeleteRule,

    /// <summary>NFT_MSG_NEWSET.</summary>
    NewSet,

    /// <summary>NFT_MSG_DELSET or NFT_MSG_DESTROYSET.</summary>
    DeleteSet,

    /// <summary>NFT_MSG_NEWSETELEM.</summary>
    NewSetElement,

    /// <summary>NFT_MSG_DELSETELEM or NFT_MSG_DESTROYSETELEM.</summary>
    DeleteSetElement,

    /// <summary>NFT_MSG_NEWOBJ: a stateful object (counter, quota, ...).</summary>
    NewObject,

    /// <summary>NFT_MSG_DELOBJ or NFT_MSG_DESTROYOBJ.</summary>
    DeleteObject,

    /// <summary>NFT_MSG_NEWFLOWTABLE.</summary>
    NewFlowtable,

    /// <summary>NFT_MSG_DELFLOWTABLE or NFT_MSG_DESTROYFLOWTABLE.</summary>
    DeleteFlowtable,

    /// <summary>An nf_tables message type newer than this code. Its attribute 1 is read as the table name, as it is
    /// for every table-scoped message, so a future kind of change to the watched table is not missed.</summary>
    Other,

    /// <summary>NFT_MSG_NEWGEN: the end of a committed transaction, with the new generation id.</summary>
    NewGeneration,

    /// <summary>A message that does not parse; the rest of its datagram is unreadable too.</summary>
    Malformed,
}
